package io.arbiter.reconciliation;

import io.arbiter.security.PracticeScopes;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.List;

/** Finance's unmatched-payments queue (docs/reconciliation.md). */
@Controller("/api/v1/reconciliation")
@Secured({Roles.FINANCE, Roles.ADMIN})
public class ReconciliationController {

    private final UnmatchedPayments queue;
    private final PracticeScopes practiceScopes;

    ReconciliationController(UnmatchedPayments queue, PracticeScopes practiceScopes) {
        this.queue = queue;
        this.practiceScopes = practiceScopes;
    }

    /** Open items (every status with {@code all=true}). */
    @Get("/unmatched")
    public List<UnmatchedPayment> unmatched(@QueryValue @Nullable Boolean all, Authentication who) {
        return queue.list(Boolean.TRUE.equals(all), practiceScopes.of(who), who.getName());
    }

    /** Assign to a case or a denial, confirm as a manual payment, or dismiss with a note. */
    @Post("/unmatched/{id}/resolve")
    public UnmatchedPayment resolve(@PathVariable Long id, @Body UnmatchedPayments.Resolution body, Authentication who) {
        return queue.resolve(id, body, who.getName(), practiceScopes.of(who));
    }
}
