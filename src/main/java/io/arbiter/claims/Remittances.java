package io.arbiter.claims;

import io.arbiter.common.Jdbc;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A claim's remittances as received, as other capabilities read and (the demo) add them. */
@Singleton
public class Remittances {

    /** What one remittance (CLP loop) paid on one claim line (SVC loop), reversals negative. */
    public record LinePaid(long remittanceId, long claimLineId, BigDecimal paid) {
    }

    private final RemittanceRepository repository;
    private final Jdbc jdbc;

    public Remittances(RemittanceRepository repository, Jdbc jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    public List<Remittance> findByClaimIdOrderById(Long claimId) {
        return repository.findByClaimIdOrderById(claimId);
    }

    public Remittance save(Remittance remittance) {
        return repository.save(remittance);
    }

    /** The line payments of these remittances (lines matched to a claim line only), committed ones. */
    public List<LinePaid> linePaid(Collection<Long> remittanceIds) {
        if (remittanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.read(c -> {
            List<LinePaid> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT remittance_id, claim_line_id, paid FROM remittance_line WHERE claim_line_id"
                    + " IS NOT NULL AND paid IS NOT NULL AND remittance_id IN ("
                    + remittanceIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ") ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LinePaid(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)));
                }
            }
            return out;
        });
    }
}
