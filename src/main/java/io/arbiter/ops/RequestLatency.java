package io.arbiter.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Times every request as {@code http.server.requests} tagged with the method, the status and the <em>route template</em>
 * that matched ({@code /api/v1/cases/{id}}), never the path as sent: a path can carry a claim number or a search, and
 * each distinct path would be a series of its own. Unmatched requests count under {@code NOT_FOUND} (404) or
 * {@code UNMATCHED} (static files and the like). Runs before security, so refused requests are timed too.
 * (Micronaut's own web meter filter is switched off in application.yml: it falls back to the raw URI.)
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class RequestLatency implements Ordered {

    static final String METER = "http.server.requests";
    private static final String STARTED = RequestLatency.class.getName() + ".started";
    /** Histogram buckets for latency alerts (histogram_quantile over these), few enough to keep series per route low. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public RequestLatency(MeterRegistry registry) {
        this.registry = registry;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void stop(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Long started = request.getAttribute(STARTED, Long.class).orElse(null);
        if (started == null) {
            return;
        }
        Timer.builder(METER)
                .description("HTTP requests by route template, method and status")
                .tag("method", request.getMethod().name()) // the enum: an invented method reads CUSTOM, not its name
                .tag("uri", route(request, response.code()))
                .tag("status", Integer.toString(response.code()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The matched route's template, or a fixed word: never anything taken from the request's own path. */
    static String route(HttpRequest<?> request, int status) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(m -> ((UriRouteMatch<?, ?>) m).getRouteInfo().getUriMatchTemplate().toPathString())
                .orElse(status == 404 ? "NOT_FOUND" : "UNMATCHED");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.METRICS.order();
    }
}
