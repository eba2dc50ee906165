package io.arbiter.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed-in user is allowed right now — their session generation and the practices they reach — read from
 * their account in one query, once per request: the token check and every practice-scoped read of the same request
 * share it (they used to read the account three times). Nothing is kept between requests, so disabling a user, a
 * sign-out or a change of practices applies to the very next request on every instance.
 */
@Singleton
public class SignedInUsers {

    /** An enabled user's session generation and practice access. */
    public record Standing(long sessionGeneration, PracticeAccess practices) {
    }

    private static final String ATTRIBUTE = "arbiter.signed-in-user:";
    private static final Optional<Standing> NOT_ENABLED = Optional.empty();

    private final SessionGenerations generations;

    public SignedInUsers(SessionGenerations generations) {
        this.generations = generations;
    }

    /** The standing of an enabled user (empty when gone or disabled), read once for {@code request} when one is given. */
    @SuppressWarnings("unchecked")
    public Optional<Standing> standing(String username, @Nullable HttpRequest<?> request) {
        if (request == null) {
            return read(username);
        }
        String key = ATTRIBUTE + username;
        Object kept = request.getAttributes().getValue(key);
        if (kept instanceof Optional<?> standing) {
            return (Optional<Standing>) standing;
        }
        Optional<Standing> standing = read(username);
        request.setAttribute(key, standing);
        return standing;
    }

    /** The standing for the request this thread serves, if any (scheduled work and start-up have none). */
    public Optional<Standing> standing(String username) {
        return standing(username, ServerRequestContext.currentRequest().orElse(null));
    }

    private Optional<Standing> read(String username) {
        List<SessionGenerations.StandingRow> rows = generations.standingOf(username);
        if (rows.isEmpty()) {
            return NOT_ENABLED;
        }
        if (rows.get(0).allPractices()) {
            return Optional.of(new Standing(rows.get(0).sessionGeneration(), PracticeAccess.EVERY));
        }
        Set<Long> practices = new HashSet<>();
        rows.stream().map(SessionGenerations.StandingRow::practiceId).filter(java.util.Objects::nonNull).forEach(practices::add);
        return Optional.of(new Standing(rows.get(0).sessionGeneration(), new PracticeAccess(false, practices)));
    }
}
