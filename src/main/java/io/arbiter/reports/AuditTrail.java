package io.arbiter.reports;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEvent;
import io.arbiter.common.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log as an administrator reads it (HIPAA 45 CFR 164.312(b)): filtered by user, by patient and by date, newest
 * first. "By patient" means every entry about a record of that patient: the patient's claims, their findings and
 * denials, the cases holding those claims with their documents and packets, and the patient's prior authorisations.
 * Read-only by construction: nothing in Arbiter updates or deletes an audit entry.
 */
@Singleton
public class AuditTrail {

    /** What an administrator asks for; every field optional. */
    public record Filter(@Nullable String username, @Nullable Long patientId, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    private final DataSource dataSource;

    public AuditTrail(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    public Page<AuditEvent> find(Filter filter, Pageable pageable) {
        try (Connection c = dataSource.getConnection()) {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            if (filter.username() != null && !filter.username().isBlank()) {
                where.append(" AND username = ?");
                args.add(filter.username());
            }
            if (filter.from() != null) {
                where.append(" AND occurred_at >= ?");
                args.add(filter.from().atStartOfDay());
            }
            if (filter.to() != null) {
                where.append(" AND occurred_at < ?");
                args.add(filter.to().plusDays(1).atStartOfDay());
            }
            if (filter.patientId() != null) {
                Map<String, List<String>> records = recordsOf(c, filter.patientId());
                where.append(" AND (1 = 0");
                records.forEach((type, ids) -> {
                    if (!ids.isEmpty()) {
                        where.append(" OR (entity_type = ? AND entity_id IN (").append("?,".repeat(ids.size() - 1)).append("?))");
                        args.add(type);
                        args.addAll(ids);
                    }
                });
                where.append(")");
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_event" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditEvent> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_at, username, action, entity_type, entity_id, detail, "
                    + "client_address FROM audit_event" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                List<Object> page = new ArrayList<>(args);
                page.add(pageable.getSize());
                page.add(pageable.getOffset());
                bind(ps, page);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new AuditEvent(rs.getLong(1), rs.getObject(2, java.time.LocalDateTime.class), rs.getString(3),
                                AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return new Page<>(items, pageable.getNumber(), pageable.getSize(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("audit log could not be read (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The ids, as the audit log writes them, of every record of the patient, by entity type. */
    private static Map<String, List<String>> recordsOf(Connection c, long patientId) throws SQLException {
        Map<String, List<String>> r = new LinkedHashMap<>();
        r.put("PATIENT", List.of(Long.toString(patientId)));
        r.put("CLAIM", ids(c, "SELECT id FROM claim WHERE patient_id = ?", patientId));
        r.put("FINDING", ids(c, "SELECT f.id FROM finding f JOIN claim c ON c.id = f.claim_id WHERE c.patient_id = ?", patientId));
        r.put("DENIAL", ids(c, "SELECT d.id FROM denial d JOIN claim c ON c.id = d.claim_id WHERE c.patient_id = ?", patientId));
        r.put("PRIOR_AUTH", ids(c, "SELECT id FROM prior_auth WHERE patient_id = ?", patientId));
        String cases = "SELECT DISTINCT l.case_id FROM case_line l JOIN claim c ON c.id = l.claim_id WHERE c.patient_id = ?";
        r.put("CASE", ids(c, cases, patientId));
        r.put("CASE_DOCUMENT", ids(c, "SELECT id FROM case_document WHERE case_id IN (" + cases + ")", patientId));
        r.put("PACKET", ids(c, "SELECT id FROM generated_packet WHERE case_id IN (" + cases + ")", patientId));
        return r;
    }

    private static List<String> ids(Connection c, String sql, long patientId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(Long.toString(rs.getLong(1)));
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }
}
