package io.arbiter.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The HS256 signing secret for access tokens, from ARBITER_JWT_SECRET. HS256 needs a key of at least
 * 256 bits (RFC 7518 section 3.2), so a shorter secret stops the start-up instead of weakening every token.
 * Without one a random secret is drawn per start: tokens then die with the process and are not
 * accepted by a second instance.
 */
@Context
public class TokenSecret {

    private static final Logger LOG = LoggerFactory.getLogger(TokenSecret.class);
    static final int MIN_BYTES = 32;

    private final String secret;
    private final boolean random;

    public TokenSecret(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String configured) {
        if (configured == null || configured.isBlank()) {
            byte[] bytes = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(bytes);
            this.secret = HexFormat.of().formatHex(bytes);
            this.random = true;
            LOG.warn("ARBITER_JWT_SECRET is not set: using a random signing secret for this start only. "
                    + "Sign-ins will not survive a restart and will not work across instances; "
                    + "set ARBITER_JWT_SECRET (e.g. openssl rand -hex 32) in production.");
        } else {
            int bytes = configured.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < MIN_BYTES) {
                throw new ConfigurationException("ARBITER_JWT_SECRET is " + bytes * 8 + " bits long; HS256 needs at least "
                        + MIN_BYTES * 8 + " bits (32 bytes, e.g. the 64 characters of `openssl rand -hex 32`)");
            }
            this.secret = configured;
            this.random = false;
        }
    }

    public String value() {
        return secret;
    }

    /** True when no secret was configured and this start drew its own. */
    public boolean random() {
        return random;
    }
}
