package io.arbiter.packets;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GeneratedPacketRepository extends CrudRepository<GeneratedPacket, Long> {

    /** The newest packet of a type for a case (what a download serves). */
    Optional<GeneratedPacket> findFirstByCaseIdAndPacketTypeOrderByIdDesc(Long caseId, PacketType packetType);

    /** Every packet generated for a case, newest first, without the PDF bytes. */
    List<GeneratedPacketSummary> findByCaseIdOrderByIdDesc(Long caseId);
}
