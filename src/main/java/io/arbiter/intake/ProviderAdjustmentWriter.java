package io.arbiter.intake;

import io.arbiter.common.Money;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores an 835's provider-level adjustments (PLB) in the import's transaction, so that the reconciliation can put them
 * in finance's unmatched-payments queue: they belong to no claim. A second 835 restating the same adjustment (same payer,
 * trace, provider, fiscal period, reason, reference and amount) is stored once.
 */
final class ProviderAdjustmentWriter {

    private ProviderAdjustmentWriter() {
    }

    /** Returns how many adjustments were new. */
    static int insert(Connection c, long importId, List<IntakeModel.ProviderAdjustment> adjustments, LocalDateTime now)
            throws SQLException {
        if (adjustments.isEmpty()) {
            return 0;
        }
        Map<String, Long> practices = new HashMap<>();
        int stored = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO provider_adjustment (import_id, practice_id, provider_identifier,"
                + " fiscal_period_date, reason_code, reference, amount, payer_name, payment_date, trace, natural_key, created_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (IntakeModel.ProviderAdjustment a : adjustments) {
                String provider = cut(a.providerIdentifier() == null ? "" : a.providerIdentifier(), 50);
                Long practice = practices.computeIfAbsent(provider, p -> practiceOf(c, p));
                String key = String.join("|", Objects.toString(a.payerName(), ""), Objects.toString(a.trace(), ""),
                        Objects.toString(a.paymentDate(), ""), provider, Objects.toString(a.fiscalPeriodDate(), ""),
                        Objects.toString(a.reasonCode(), ""), Objects.toString(a.reference(), ""), Money.cents(a.amount()).toPlainString());
                ps.setLong(1, importId);
                ps.setObject(2, practice);
                ps.setString(3, provider);
                ps.setObject(4, a.fiscalPeriodDate());
                ps.setString(5, cut(a.reasonCode(), 4));
                ps.setString(6, cut(a.reference(), 60));
                ps.setBigDecimal(7, Money.cents(a.amount()));
                ps.setString(8, cut(a.payerName(), 200));
                ps.setObject(9, a.paymentDate());
                ps.setString(10, cut(a.trace(), 60));
                ps.setString(11, cut(key, 255));
                ps.setObject(12, now);
                stored += ps.executeUpdate();
            }
        }
        return stored;
    }

    /** The practice PLB01 names (its billing NPI or its TIN); null when Arbiter does not know it. */
    private static Long practiceOf(Connection c, String provider) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM practice WHERE billing_npi = ? OR tin = ? ORDER BY id LIMIT 1")) {
            ps.setString(1, provider);
            ps.setString(2, provider);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
