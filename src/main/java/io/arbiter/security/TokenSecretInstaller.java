package io.arbiter.security;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Singleton;

/** Hands the checked (or drawn) secret of {@link TokenSecret} to Micronaut's HS256 signature. */
@Singleton
public class TokenSecretInstaller implements BeanCreatedEventListener<SecretSignatureConfiguration> {

    private final TokenSecret secret;

    public TokenSecretInstaller(TokenSecret secret) {
        this.secret = secret;
    }

    @Override
    public SecretSignatureConfiguration onCreated(BeanCreatedEvent<SecretSignatureConfiguration> event) {
        SecretSignatureConfiguration config = event.getBean();
        if ("generator".equals(config.getName())) {
            config.setSecret(secret.value());
            config.setBase64(false);
        }
        return config;
    }
}
