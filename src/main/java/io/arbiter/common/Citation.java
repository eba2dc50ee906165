package io.arbiter.common;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Where a regulatory number or rule comes from. {@code unverified} marks values the domain
 * references flag as UNVERIFIED: they are configurable defaults, never hard facts.
 */
@Serdeable
public record Citation(String text, String url, boolean unverified) {

    public static Citation of(String text, String url) {
        return new Citation(text, url, false);
    }

    @Override
    public String toString() {
        return url == null || url.isBlank() ? text : text + " (" + url + ")";
    }
}
