package io.arbiter.tracks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TrackFactRepository extends CrudRepository<TrackFactRecord, Long> {

    List<TrackFactRecord> findByClaimIdOrderById(Long claimId);

    List<TrackFactRecord> findByPlanIdOrderById(Long planId);

    List<TrackFactRecord> findByClaimIdInOrderById(java.util.Collection<Long> claimIds);

    /** The claim filing indicator intake keeps (835 CLP06 / 837P SBR09); not on the Claim entity to keep it stable. */
    @Query("SELECT claim_filing_indicator FROM claim WHERE id = :claimId")
    Optional<String> filingIndicator(Long claimId);

    /** Mirrors the resolved facts onto the claim row, which packets and pricing read. */
    @Query("""
            UPDATE claim SET emergency = :emergency, notice_consent_on_file = :consent,
                   facility_network_status = :facilityNetworkStatus, service_state = :serviceState,
                   version = version + 1, updated_at = :now WHERE id = :claimId""")
    void mirrorOntoClaim(Long claimId, boolean emergency, boolean consent, @Nullable String facilityNetworkStatus,
                         @Nullable String serviceState, LocalDateTime now);
}
