package io.arbiter.calendarfeed;

import io.arbiter.security.AppUser;
import io.arbiter.security.Users;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Per-user calendar feed tokens. Only the SHA-256 of a token is stored (app_user.calendar_token), so a
 * database read does not reveal feed URLs; rotating or revoking replaces or clears it.
 */
@Singleton
public class CalendarTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Users users;

    public CalendarTokens(Users users) {
        this.users = users;
    }

    /** Creates or rotates the user's token; returns the plain token (shown once). */
    public String rotate(AppUser user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        users.update(user.withCalendarToken(hash(token)));
        return token;
    }

    public void revoke(AppUser user) {
        users.update(user.withCalendarToken(null));
    }

    public Optional<AppUser> resolve(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        return users.findByCalendarToken(hash(token)).filter(AppUser::enabled);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
