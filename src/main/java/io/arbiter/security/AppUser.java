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
        @Nullable String calendarToken,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public static AppUser create(String username, String displayName, String passwordHash, List<String> roles) {
        return new AppUser(null, username, displayName, passwordHash, String.join(",", roles), true, null, null, null, null);
    }

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean hasRole(String role) {
        return roleList().contains(role);
    }

    public AppUser withCalendarToken(@Nullable String token) {
        return new AppUser(id, username, displayName, passwordHash, roles, enabled, token, version, createdAt, updatedAt);
    }

    public AppUser withRoles(List<String> newRoles, boolean nowEnabled) {
        return new AppUser(id, username, displayName, passwordHash, String.join(",", newRoles), nowEnabled, calendarToken, version, createdAt, updatedAt);
    }

    public AppUser withPasswordHash(String hash) {
        return new AppUser(id, username, displayName, hash, roles, enabled, calendarToken, version, createdAt, updatedAt);
    }
}
