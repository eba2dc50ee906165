package io.arbiter.security;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.handlers.LogoutHandler;
import jakarta.inject.Singleton;

/**
 * POST /logout with a bearer token ends every token of that user (a bearer token cannot be deleted
 * from the client's hands, so it is refused server-side from now on); answers 204.
 */
@Singleton
public class RevokingLogoutHandler implements LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    private final SessionGenerations generations;
    private final AuditLog audit;

    public RevokingLogoutHandler(SessionGenerations generations, AuditLog audit) {
        this.generations = generations;
        this.audit = audit;
    }

    @Override
    public MutableHttpResponse<?> logout(HttpRequest<?> request) {
        request.getUserPrincipal(Authentication.class).ifPresent(who -> signOut(who.getName(), request, "API"));
        return HttpResponse.noContent();
    }

    /** Revokes the user's tokens and records the sign-out. */
    public void signOut(String username, HttpRequest<?> request, String channel) {
        generations.revokeAll(username);
        audit.recordFrom(username, audit.clientAddress(request), AuditAction.LOGOUT, "USER", username,
                channel + " sign-out; earlier tokens revoked");
    }
}
