package io.arbiter.security;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt (cost 10): slow enough against offline guessing, fast enough for a login form. */
@Singleton
public class PasswordHasher {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

    public String hash(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("A password needs at least 8 characters");
        }
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }
}
