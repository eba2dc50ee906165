package io.arbiter.packets;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PacketDetailRepository extends CrudRepository<PacketDetail, Long> {

    List<PacketDetail> findByScopeAndScopeId(String scope, Long scopeId);

    List<PacketDetail> findByScopeAndScopeIdIn(String scope, Collection<Long> scopeIds);

    Optional<PacketDetail> findByScopeAndScopeIdAndFieldKey(String scope, Long scopeId, String fieldKey);
}
