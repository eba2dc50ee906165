package io.arbiter.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashSet;

/**
 * The practices a signed-in user reaches, read from their account on every request (a change applies at once) — once
 * per request, with the token check ({@link SignedInUsers}).
 */
@Singleton
public class PracticeScopes {

    private final AppUserRepository users;
    private final SignedInUsers signedIn;

    public PracticeScopes(AppUserRepository users, SignedInUsers signedIn) {
        this.users = users;
        this.signedIn = signedIn;
    }

    /** No authentication, an unknown or a disabled user reaches nothing. */
    public PracticeAccess of(@Nullable Authentication who) {
        return who == null ? PracticeAccess.NONE : of(who.getName());
    }

    public PracticeAccess of(String username) {
        return signedIn.standing(username).map(SignedInUsers.Standing::practices).orElse(PracticeAccess.NONE);
    }

    public PracticeAccess of(AppUser user) {
        return user.allPractices() ? PracticeAccess.EVERY : new PracticeAccess(false, new HashSet<>(users.practiceIdsOf(user.id())));
    }
}
