package io.arbiter.intake;

import io.arbiter.intake.IntakeModel.Party;
import io.arbiter.practice.PlanType;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The practices, payers, plans and patients an import refers to: found by their natural keys or created, and cached
 * for the rest of the import. One prepared statement per SQL text for the whole import (shared with IntakeWriter).
 */
final class IntakeParties implements AutoCloseable {

    private final Connection conn;
    private final LocalDateTime now;
    private final Issues issues;
    private final PlanTypes planTypes;
    private final Map<String, Long> practices = new HashMap<>();
    private final Map<String, Long> payers = new HashMap<>();
    private final Map<String, Long> plans = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    IntakeParties(Connection conn, LocalDateTime now, Issues issues, PlanTypes planTypes) {
        this.conn = conn;
        this.now = now;
        this.issues = issues;
        this.planTypes = planTypes;
    }

    @Override
    public void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing is best effort; the connection is closed by the caller
            }
        }
    }

    PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            statements.put(sql, ps);
        }
        return ps;
    }

    long practiceId(Party party, String location) throws SQLException {
        if (party == null || party.key() == null) {
            issues.error(location, "the payee/billing provider has neither an NPI nor a tax id: the practice cannot be identified");
            return -1;
        }
        String key = party.key();
        Long id = practices.get(key);
        if (id != null) {
            return id;
        }
        PreparedStatement find = ps("SELECT id FROM practice WHERE billing_npi = ?");
        find.setString(1, key);
        id = firstId(find);
        if (id == null && party.npi == null && party.tin != null) {
            PreparedStatement byTin = ps("SELECT id FROM practice WHERE tin = ? ORDER BY id");
            byTin.setString(1, party.tin);
            id = firstId(byTin);
        }
        if (id == null) {
            if (party.npi == null) {
                issues.warning(location, "the payee has no NPI; its practice is keyed by tax id " + party.tin);
            }
            PreparedStatement ins = ps("INSERT INTO practice (name, tin, billing_npi, state, zip, bates_prefix, benchmark_kind, "
                    + "benchmark_percentile, version, created_at, updated_at) VALUES (?,?,?,?,?,'ARB','BILLED',80,0,?,?)");
            ins.setString(1, IntakeWriter.cut(party.name == null ? "Practice " + key : party.name, 200));
            ins.setString(2, IntakeWriter.cut(party.tin == null ? "" : party.tin, 20));
            ins.setString(3, IntakeWriter.cut(key, 10));
            ins.setString(4, party.state == null || party.state.length() != 2 ? null : party.state);
            ins.setString(5, IntakeWriter.cut(party.zip, 10));
            ins.setObject(6, now);
            ins.setObject(7, now);
            ins.executeUpdate();
            id = IntakeWriter.generatedKey(ins);
        }
        practices.put(key, id);
        return id;
    }

    /** The first row's id of a lookup, or null when it finds nothing. */
    static Long firstId(PreparedStatement find) throws SQLException {
        try (ResultSet rs = find.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    Long payerId(String code, String name) throws SQLException {
        if (code == null) {
            return null;
        }
        String key = IntakeWriter.cut(code, 80);
        Long id = payers.get(key);
        if (id != null) {
            return id;
        }
        PreparedStatement find = ps("SELECT id FROM payer WHERE payer_code = ?");
        find.setString(1, key);
        id = firstId(find);
        if (id == null) {
            PreparedStatement ins = ps("INSERT INTO payer (name, payer_code, bilateral_format, version, created_at, updated_at) "
                    + "VALUES (?,?,'MODIFIER_50',0,?,?)");
            ins.setString(1, IntakeWriter.cut(name == null ? code : name, 200));
            ins.setString(2, key);
            ins.setObject(3, now);
            ins.setObject(4, now);
            ins.executeUpdate();
            id = IntakeWriter.generatedKey(ins);
        }
        payers.put(key, id);
        return id;
    }

    /**
     * The payer's plan for the program the claim was filed under (CLP06/SBR09): a carrier that writes both group health
     * and workers' comp keeps one plan per program, so a WC claim is never read as a group health claim. Any group
     * health plan on file (self-funded, fully insured, state employee, or not yet known) serves a commercial indicator.
     */
    Long planId(Long payerId, String payerName, String filingIndicator) throws SQLException {
        if (payerId == null) {
            return null;
        }
        PlanType type = planTypes.forFilingIndicator(filingIndicator);
        String key = payerId + "|" + type.name();
        Long id = plans.get(key);
        if (id != null) {
            return id;
        }
        PreparedStatement find = ps("SELECT id, plan_type FROM plan WHERE payer_id = ? ORDER BY id");
        find.setLong(1, payerId);
        try (ResultSet rs = find.executeQuery()) {
            while (id == null && rs.next()) {
                if (sameProgram(type, PlanType.valueOf(rs.getString(2)))) {
                    id = rs.getLong(1);
                }
            }
        }
        if (id == null) {
            PreparedStatement ins = ps("INSERT INTO plan (payer_id, name, plan_type, network_status, version, created_at, updated_at) "
                    + "VALUES (?,?,?,'OUT_OF_NETWORK',0,?,?)");
            ins.setLong(1, payerId);
            ins.setString(2, IntakeWriter.cut((payerName == null ? "Plan" : payerName) + (filingIndicator == null ? "" : " (" + filingIndicator + ")"), 200));
            ins.setString(3, type.name());
            ins.setObject(4, now);
            ins.setObject(5, now);
            ins.executeUpdate();
            id = IntakeWriter.generatedKey(ins);
        }
        plans.put(key, id);
        return id;
    }

    /**
     * For a claim known only from its remittance: the plan of the program its filing indicator names (workers' comp,
     * auto, Medicare, Medicaid, TRICARE, FEHB), or null for group health, where the 835 cannot tell a self-funded plan
     * from a fully insured one (the track asks instead).
     */
    Long programPlanId(Long payerId, String payerName, String filingIndicator) throws SQLException {
        if (filingIndicator == null || GROUP_HEALTH.contains(planTypes.forFilingIndicator(filingIndicator))) {
            return null;
        }
        return planId(payerId, payerName, filingIndicator);
    }

    private static final Set<PlanType> GROUP_HEALTH = EnumSet.of(PlanType.SELF_FUNDED_ERISA,
            PlanType.FULLY_INSURED_STATE, PlanType.STATE_EMPLOYEE, PlanType.OTHER);

    private static boolean sameProgram(PlanType filed, PlanType onFile) {
        return filed == onFile || (GROUP_HEALTH.contains(filed) && GROUP_HEALTH.contains(onFile));
    }

    Long patientId(long practiceId, String last, String first, LocalDate dob, String memberId) throws SQLException {
        if (last == null) {
            return null;
        }
        Long id = null;
        LocalDate knownDob = null;
        String knownFirst = null;
        if (memberId != null) {
            PreparedStatement find = ps("SELECT id, birth_date, first_name FROM patient WHERE practice_id = ? AND member_id = ? AND last_name = ? ORDER BY id");
            find.setLong(1, practiceId);
            find.setString(2, IntakeWriter.cut(memberId, 80));
            find.setString(3, IntakeWriter.cut(last, 100));
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                    Date d = rs.getDate(2);
                    knownDob = d == null ? null : d.toLocalDate();
                    knownFirst = rs.getString(3);
                }
            }
        }
        if (id == null) {
            return insertPatient(practiceId, last, first, dob, memberId);
        }
        if ((knownDob == null && dob != null) || (knownFirst == null && first != null)) {
            PreparedStatement upd = ps("UPDATE patient SET birth_date = COALESCE(birth_date, ?), first_name = COALESCE(first_name, ?), "
                    + "version = version + 1, updated_at = ? WHERE id = ?");
            IntakeWriter.setDate(upd, 1, dob);
            upd.setString(2, IntakeWriter.cut(first, 100));
            upd.setObject(3, now);
            upd.setLong(4, id);
            upd.executeUpdate();
        }
        return id;
    }

    long insertPatient(long practiceId, String last, String first, LocalDate dob, String memberId) throws SQLException {
        PreparedStatement ins = ps("INSERT INTO patient (practice_id, last_name, first_name, birth_date, member_id, version, created_at, updated_at) "
                + "VALUES (?,?,?,?,?,0,?,?)");
        ins.setLong(1, practiceId);
        ins.setString(2, IntakeWriter.cut(last, 100));
        ins.setString(3, IntakeWriter.cut(first, 100));
        IntakeWriter.setDate(ins, 4, dob);
        ins.setString(5, IntakeWriter.cut(memberId, 80));
        ins.setObject(6, now);
        ins.setObject(7, now);
        ins.executeUpdate();
        return IntakeWriter.generatedKey(ins);
    }
}
