package io.arbiter.security;

import io.arbiter.common.ApiException;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (OWASP ASVS 4.0.3 V2.1.1 at least 12 characters, V2.1.2 up to 128
 * allowed, V2.1.7 checked against common passwords; NIST SP 800-63B 5.1.1.2 no composition rules):
 * 12–128 characters, not containing the username, and not a common or "password"-like word with
 * digits and symbols around it ("Password123!" is refused). Applies whenever a password is set;
 * the demo users' published passwords (API contract) are seeded as they are.
 */
@Singleton
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** Words that, stripped of digits and symbols, make a password guessable in the first attempts. */
    private static final Set<String> TRIVIAL_WORDS = Set.of(
            "password", "passwort", "passw", "pass", "passphrase", "qwerty", "qwertz", "azerty", "asdf", "asdfgh", "zxcvbn",
            "qwertyuiop", "asdfghjkl", "letmein", "welcome", "admin", "administrator", "root", "changeme", "change",
            "secret", "default", "login", "master", "iloveyou", "monkey", "dragon", "football", "baseball", "sunshine",
            "princess", "abc", "abcdef", "abcdefgh", "abcdefghijkl", "arbiter", "test", "testing", "user", "guest",
            "trustno", "superman", "batman", "starwars", "shadow", "michael", "hello", "freedom", "whatever", "");

    /** @return why the password is refused, or null when it is acceptable. */
    public String problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "password must have at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "password must have at most " + MAX_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "password must not contain the username";
        }
        // the word once digits and symbols around it are dropped and 0/1/3/4/5/@/$ inside read as letters
        String core = deLeet(lower.replaceAll("^[^a-z@$]+|[^a-z@$]+$", "")).replaceAll("[^a-z]", "");
        String letters = lower.replaceAll("[^a-z]", "");
        if (TRIVIAL_WORDS.contains(core) || TRIVIAL_WORDS.contains(letters)
                || repeatsOneThing(lower) || repeatsOneThing(core) && !core.isEmpty()) {
            return "password is too common or too simple to guess; use a passphrase of several words";
        }
        return null;
    }

    /** @throws ApiException 400 naming the field when the password is refused. */
    public void check(String field, String username, String password) {
        String problem = problem(username, password);
        if (problem != null) {
            throw ApiException.badRequest(field + ": " + problem);
        }
    }

    private static String deLeet(String s) {
        return s.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a').replace('5', 's')
                .replace('@', 'a').replace('$', 's').replace('7', 't');
    }

    /** "aaaaaaaaaaaa", "121212121212", "passwordpassword": one shorter unit repeated, or three characters or fewer. */
    private static boolean repeatsOneThing(String s) {
        for (int unit = 1; unit <= s.length() / 2; unit++) {
            if (s.length() % unit == 0 && s.substring(0, unit).repeat(s.length() / unit).equals(s)) {
                return true;
            }
        }
        return s.chars().distinct().count() <= 3;
    }
}
