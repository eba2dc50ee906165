package io.arbiter.security;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt (cost 10): slow enough against offline guessing, fast enough for a login form. */
@Singleton
public class PasswordHasher {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    /** A hash of a random value, compared against when there is no account, so that costs as much as a real check. */
    private final String decoy = encoder.encode(java.util.UUID.randomUUID().toString());

    public String hash(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("A password needs at least 8 characters");
        }
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }

    /** Like {@link #matches} but runs bcrypt even without a hash (unknown username), then answers false. */
    public boolean matchesOrBurn(String password, String hash) {
        boolean matched = encoder.matches(password == null ? "" : password, hash == null ? decoy : hash);
        return hash != null && password != null && matched;
    }
}
