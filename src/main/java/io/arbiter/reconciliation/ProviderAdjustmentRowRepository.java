package io.arbiter.reconciliation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ProviderAdjustmentRowRepository extends GenericRepository<ProviderAdjustmentRow, Long> {

    /** Adjustments not in the queue yet, oldest first. */
    @Query(value = "SELECT p.id, p.import_id, p.practice_id, p.provider_identifier, p.fiscal_period_date, p.reason_code, p.reference,"
            + " p.amount, p.payer_name, p.payment_date, p.trace FROM provider_adjustment p WHERE NOT EXISTS"
            + " (SELECT 1 FROM unmatched_payment u WHERE u.provider_adjustment_id = p.id) ORDER BY p.id LIMIT 1000", nativeQuery = true)
    List<ProviderAdjustmentRow> notQueued();
}
