package io.arbiter.audit;

import io.arbiter.common.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Records who viewed, changed or downloaded which PHI-bearing record, and when (HIPAA 45 CFR
 * 164.312(b) audit controls). Details name records by id, never by patient data.
 *
 * <p>An entry joins the caller's transaction when there is one (a change and its entry commit together); otherwise it
 * is one autocommitted insert — no transaction of its own, whose begin/commit/reset round trips cost a read-only
 * request (the work queue, a case view) more than its queries did.
 */
@Singleton
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    private final ClientAddresses addresses;

    public AuditLog(AuditEventRepository events, Clock clock, ClientAddresses addresses) {
        this.addresses = addresses;
        this.events = events;
        this.clock = clock;
    }

    public void record(@Nullable Authentication who, AuditAction action, String entityType,
                       @Nullable Object entityId, @Nullable String detail) {
        record(who == null ? "anonymous" : who.getName(), action, entityType, entityId, detail);
    }

    /** An entry that names the client address (sign-in events, where the address is the point). */
    public void recordFrom(String username, @Nullable String clientAddress, AuditAction action, String entityType,
                           @Nullable Object entityId, @Nullable String detail) {
        events.append(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), username.substring(0, Math.min(100, username.length())),
                action.name(), entityType, entityId == null ? null : entityId.toString(),
                detail == null ? null : detail.substring(0, Math.min(500, detail.length())),
                clientAddress == null ? null : clientAddress.substring(0, Math.min(64, clientAddress.length())));
    }

    public void record(String username, AuditAction action, String entityType,
                       @Nullable Object entityId, @Nullable String detail) {
        recordFrom(username, currentClientAddress(), action, entityType, entityId, detail);
    }

    /**
     * The client address of the HTTP request this thread is serving, or null outside a request (scheduled jobs,
     * start-up seeding). Micronaut propagates the request context onto the blocking executor.
     */
    @Nullable
    String currentClientAddress() {
        return ServerRequestContext.currentRequest().map(addresses::of).orElse(null);
    }

    /** The client's address: the TCP peer, or behind a trusted proxy the client it names ({@link ClientAddresses}). */
    public String clientAddress(@Nullable HttpRequest<?> request) {
        return addresses.of(request);
    }
}
