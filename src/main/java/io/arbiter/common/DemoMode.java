package io.arbiter.common;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Demo mode is on with the embedded default database (no DATASOURCES_DEFAULT_URL) and off
 * otherwise, unless arbiter.demo.enabled (ARBITER_DEMO) says true or false explicitly.
 */
@Singleton
public class DemoMode {

    private final boolean enabled;

    public DemoMode(@Value("${arbiter.demo.enabled:auto}") String setting,
                    @Value("${datasources.default.url:}") String url) {
        this.enabled = switch (setting.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> url.startsWith("jdbc:h2:");
        };
    }

    public boolean enabled() {
        return enabled;
    }
}
