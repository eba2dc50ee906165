package io.arbiter.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

@MappedEntity("app_user")
public record AppUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        @Nullable String displayName,
        String passwordHash,
        String roles,
        boolean enabled,
        boolean allPractices,
        @Nullable String calendarToken,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    /** A user who reaches every practice (see {@link PracticeAccess}); restrict them with {@link #withAllPractices}. */
    public static AppUser create(String username, String displayName, String passwordHash, List<String> roles) {
        return new AppUser(null, username, displayName, passwordHash, String.join(",", roles), true, true, null, null, null, null);
    }

    public AppUser withAllPractices(boolean all) {
        return new AppUser(id, username, displayName, passwordHash, roles, enabled, all, calendarToken, version, createdAt, updatedAt);
    }

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean hasRole(String role) {
        return roleList().contains(role);
    }

    public AppUser withCalendarToken(@Nullable String token) {
        return new AppUser(id, username, displayName, passwordHash, roles, enabled, allPractices, token, version, createdAt, updatedAt);
    }

    public AppUser withRoles(List<String> newRoles, boolean nowEnabled) {
        return new AppUser(id, username, displayName, passwordHash, String.join(",", newRoles), nowEnabled, allPractices, calendarToken, version, createdAt, updatedAt);
    }

    public AppUser withPasswordHash(String hash) {
        return new AppUser(id, username, displayName, hash, roles, enabled, allPractices, calendarToken, version, createdAt, updatedAt);
    }
}
