package io.arbiter.web;

import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.DisputeCases;
import io.arbiter.claims.Claim;
import io.arbiter.claims.Claims;
import io.arbiter.common.ApiException;
import io.arbiter.reconciliation.UnmatchedPayment;
import io.arbiter.reconciliation.UnmatchedPayments;
import io.arbiter.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finance's unmatched payments (issue 17): money from imported 835s that no case or denial could take — a payment on a
 * closed case, more than is owed, a provider-level adjustment, one that may be a payment already typed in — with its
 * remittance detail, assigned to a case in one click (the claim's own case when it has one), or dismissed with a note.
 * Same service, scope and audit as {@code /api/v1/reconciliation}.
 */
@Controller("/ui/finance/unmatched")
@Secured({Roles.FINANCE, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class UnmatchedPaymentsPage {

    /** A queue row as the screen shows it: the item, its claim's number and the case it came from. */
    /** {@code typedIn}: the case's typed-in payments not yet confirmed, offered when the item may be one of them. */
    public record Row(UnmatchedPayment p, String claimNumber, String fromCase, List<io.arbiter.cases.CasePayment> typedIn) {
    }

    @jakarta.inject.Inject
    io.arbiter.cases.CasePayments casePayments;

    private final Pages pages;
    private final UnmatchedPayments queue;
    private final Claims claims;
    private final DisputeCases cases;

    public UnmatchedPaymentsPage(Pages pages, UnmatchedPayments queue, Claims claims, DisputeCases cases) {
        this.pages = pages;
        this.queue = queue;
        this.claims = claims;
        this.cases = cases;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> list(HttpRequest<?> request, Authentication who) {
        List<UnmatchedPayment> items = queue.list(false, pages.practices(who), who.getName());
        Map<Long, String> claimNumbers = claims.findByIdIn(items.stream().map(UnmatchedPayment::claimId).filter(Objects::nonNull)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Claim::id, Claim::patientControlNumber));
        Map<Long, String> caseNumbers = new HashMap<>();
        items.stream().map(UnmatchedPayment::caseId).filter(Objects::nonNull).distinct()
                .forEach(id -> cases.findById(id).ifPresent(c -> caseNumbers.put(id, c.getCaseNumber())));
        Map<String, Object> m = new HashMap<>();
        m.put("rows", items.stream().map(p -> new Row(p, p.claimId() == null ? "" : claimNumbers.getOrDefault(p.claimId(), ""),
                p.caseId() == null ? "" : caseNumbers.getOrDefault(p.caseId(), ""), typedIn(p))).toList());
        m.put("total", items.stream().map(UnmatchedPayment::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        return pages.page(request, who, "unmatched-payments.ftlh", "Unmatched payments", m);
    }

    /**
     * Assign to a case (by its number, or the claim's own case), to a denied claim's lines (by its number), confirm it as a
     * typed-in payment of its case, or dismiss with a note.
     */
    @Post(value = "/{id}/resolve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> resolve(HttpRequest<?> request, Authentication who, @PathVariable Long id, @Body Map<String, Object> form) {
        Object csrf = form.get(WebSession.CSRF_FIELD);
        pages.session().verifyCsrf(request, csrf == null ? null : csrf.toString());
        String action = String.valueOf(form.get("action"));
        try {
            UnmatchedPayments.Resolution r;
            if ("dismiss".equals(action)) {
                r = new UnmatchedPayments.Resolution(null, null, null, true, text(form, "note"));
            } else if ("denial".equals(action)) {
                String claim = text(form, "deniedClaimNumber");
                if (claim == null) {
                    throw ApiException.unprocessable("Give the denied claim's number", List.of(
                            new io.arbiter.common.ApiProblem.ProblemDetail("deniedClaimNumber", "required")));
                }
                r = new UnmatchedPayments.Resolution(null, null, null, null, null, claim.trim().toUpperCase());
            } else if ("manual".equals(action)) {
                Long manual;
                try {
                    manual = Long.valueOf(String.valueOf(form.get("manualPaymentId")));
                } catch (NumberFormatException e) {
                    manual = -1L; // the service refuses it by name
                }
                r = new UnmatchedPayments.Resolution(null, null, manual, null, null);
            } else {
                String number = text(form, "caseNumber");
                Long caseId = number == null ? null : cases.findByCaseNumber(number.trim().toUpperCase())
                        .map(DisputeCase::getId).orElseThrow(() -> ApiException.unprocessable("No case numbered " + number,
                                List.of(new io.arbiter.common.ApiProblem.ProblemDetail("caseNumber", "no such case"))));
                r = new UnmatchedPayments.Resolution(caseId, null, null, null, text(form, "note"));
            }
            queue.resolve(id, r, who.getName(), pages.practices(who));
            return Pages.redirect("/ui/finance/unmatched?flash=" + QueuePage.enc("dismiss".equals(action) ? "Dismissed."
                    : "manual".equals(action) ? "Confirmed as the typed-in payment." : "Assigned."));
        } catch (ApiException e) {
            return Pages.redirect("/ui/finance/unmatched?error=" + QueuePage.enc(WebErrors.describe(e)));
        }
    }

    private List<io.arbiter.cases.CasePayment> typedIn(UnmatchedPayment p) {
        if (p.reason() != UnmatchedPayment.Reason.POSSIBLE_MANUAL || p.caseId() == null) {
            return List.of();
        }
        return casePayments.findByCaseIdOrderById(p.caseId()).stream()
                .filter(c -> c.source() == io.arbiter.cases.PaymentSource.MANUAL && !c.confirmed()).toList();
    }

    private static String text(Map<String, Object> form, String field) {
        Object v = form.get(field);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}
