package io.arbiter.claims;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RemittanceRepository extends CrudRepository<Remittance, Long> {

    List<Remittance> findByClaimIdOrderById(Long claimId);

    List<Remittance> findByClaimIdInAndCancelledOrderById(Collection<Long> claimIds, boolean cancelled);

    /** One page (keyset: ids above {@code afterId}) of the remittances with adjustments, by id. */
    List<Remittance> findByIdGreaterThanAndCancelledAndClaimIdIsNotNullAndAdjustmentsIsNotNullOrderById(long afterId, boolean cancelled,
                                                                                                       Pageable page);
}
