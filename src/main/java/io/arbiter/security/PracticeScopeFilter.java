package io.arbiter.security;

import io.arbiter.common.ApiException;
import io.arbiter.common.BrowserErrorPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Practice scope for records addressed by id: a case, claim, denial, authorization or practice of a practice the
 * signed-in user does not reach answers 404 — the same answer as an id that does not exist, so nothing is revealed —
 * on every route under it (reads, changes, packets, documents), API and screens alike. Lists filter by
 * {@link PracticeAccess} in their own queries.
 */
@ServerFilter(patterns = PracticeScopeFilter.BY_ID_PATH, patternStyle = FilterPatternStyle.REGEX)
public class PracticeScopeFilter implements Ordered {

    /**
     * The paths that address a record by id. Matched by the framework before the filter runs, so a request that
     * names no record (a list, the queue) never waits for a blocking thread here.
     */
    static final String BY_ID_PATH = "^/(?:api/v1|ui)/([a-z-]+)/(\\d{1,18})(?:/.*)?$";
    private static final Pattern BY_ID = Pattern.compile(BY_ID_PATH);

    private final Map<String, PracticeOwned> owners = new HashMap<>();
    private final PracticeScopes scopes;
    private final List<BrowserErrorPage> browserPages;

    public PracticeScopeFilter(List<PracticeOwned> owned, PracticeScopes scopes, List<BrowserErrorPage> browserPages) {
        for (PracticeOwned o : owned) {
            if (owners.put(o.collection(), o) != null) {
                throw new IllegalStateException("two PracticeOwned beans for /" + o.collection());
            }
        }
        this.scopes = scopes;
        this.browserPages = browserPages;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        Matcher m = BY_ID.matcher(request.getPath());
        if (!m.matches()) {
            return null;
        }
        PracticeOwned owner = owners.get(m.group(1));
        Optional<Authentication> who = request.getUserPrincipal(Authentication.class);
        if (owner == null || who.isEmpty()) {
            return null; // not a practice's record, or not signed in (security answers that)
        }
        Optional<Long> practice = owner.practiceOf(Long.parseLong(m.group(2)));
        if (practice.isEmpty() || scopes.of(who.get()).allows(practice.get())) {
            return null;
        }
        String detail = "No such resource.";
        for (BrowserErrorPage page : browserPages) {
            Optional<String> html = page.render(request, HttpStatus.NOT_FOUND.getCode(), detail);
            if (html.isPresent()) {
                return HttpResponse.status(HttpStatus.NOT_FOUND).contentType("text/html;charset=utf-8").body(html.get());
            }
        }
        ApiException e = ApiException.notFound(m.group(1) + " " + m.group(2));
        return HttpResponse.status(e.status()).contentType(io.arbiter.common.ApiProblem.MEDIA_TYPE).body(e.toProblem());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
