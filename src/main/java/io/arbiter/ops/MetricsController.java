package io.arbiter.ops;

import io.arbiter.common.ApiException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * GET /metrics — every meter of this instance in the Prometheus text exposition format 0.0.4, for a scraper. Its
 * credential is the static bearer token {@code arbiter.metrics.token} (ARBITER_METRICS_TOKEN), not a user's sign-in:
 * a scraper cannot renew an hour-long session. Without a configured token the endpoint is off (404), so a fresh
 * install exposes nothing. No meter carries PHI: labels are route templates, statuses, formats, reasons and job names.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class MetricsController {

    /** The Prometheus text format's content type (version 0.0.4, what every Prometheus since 2.0 reads). */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final int MIN_TOKEN_CHARS = 16;

    private final PrometheusMeterRegistry prometheus;
    @Nullable
    private final byte[] tokenDigest;

    public MetricsController(PrometheusMeterRegistry prometheus, @Value("${arbiter.metrics.token:}") String token) {
        this.prometheus = prometheus;
        if (token.isBlank()) {
            this.tokenDigest = null;
        } else if (token.strip().length() < MIN_TOKEN_CHARS) {
            // a short token could be guessed by a scraper's neighbours; refuse it rather than expose the endpoint weakly
            throw new ConfigurationException("ARBITER_METRICS_TOKEN is " + token.strip().length() + " characters long; use at least "
                    + MIN_TOKEN_CHARS + " (e.g. openssl rand -hex 24)");
        } else {
            this.tokenDigest = sha256(token.strip());
        }
    }

    // Off the event loop: the queue gauges read the database while the registry is scraped.
    @Get(value = "/metrics", produces = CONTENT_TYPE)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> scrape(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (tokenDigest == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not Found", "metrics are off on this instance (no ARBITER_METRICS_TOKEN)");
        }
        if (!bearerMatches(authorization)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "the metrics endpoint takes the bearer token in ARBITER_METRICS_TOKEN");
        }
        return HttpResponse.ok(prometheus.scrape()).contentType(MediaType.of(CONTENT_TYPE));
    }

    private boolean bearerMatches(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // digests of equal length, compared in constant time: the answer time says nothing about the token
        return MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
