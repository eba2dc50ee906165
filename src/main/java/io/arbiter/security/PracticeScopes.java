package io.arbiter.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashSet;

/** The practices a signed-in user reaches, read from their account on every request (a change applies at once). */
@Singleton
public class PracticeScopes {

    private final AppUserRepository users;

    public PracticeScopes(AppUserRepository users) {
        this.users = users;
    }

    /** No authentication, an unknown or a disabled user reaches nothing. */
    public PracticeAccess of(@Nullable Authentication who) {
        return who == null ? PracticeAccess.NONE : of(who.getName());
    }

    public PracticeAccess of(String username) {
        return users.findByUsername(username).filter(AppUser::enabled).map(this::of).orElse(PracticeAccess.NONE);
    }

    public PracticeAccess of(AppUser user) {
        return user.allPractices() ? PracticeAccess.EVERY : new PracticeAccess(false, new HashSet<>(users.practiceIdsOf(user.id())));
    }
}
