package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.tracks.ClaimFact;
import io.arbiter.tracks.ClaimFactsController;
import io.arbiter.tracks.TrackFactsService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claim's facts screen (plan type, regulator state, emergency, consent, facility network status, service state,
 * each with its source) and the list of claims waiting for facts; the same service and rules as the JSON API.
 */
@Controller("/ui")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
@io.swagger.v3.oas.annotations.Hidden
public class ClaimFactsPage {

    private final Pages pages;
    private final ClaimFactsController api;
    private final TrackFactsService facts;
    private final AuditLog audit;
    private final io.arbiter.claims.ClaimOwners owners;
    private final io.arbiter.security.Users users;

    public ClaimFactsPage(Pages pages, ClaimFactsController api, TrackFactsService facts, AuditLog audit,
                          io.arbiter.claims.ClaimOwners owners, io.arbiter.security.Users users) {
        this.pages = pages;
        this.owners = owners;
        this.users = users;
        this.api = api;
        this.facts = facts;
        this.audit = audit;
    }

    @Get(value = "/claims/{id}/facts", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who, @PathVariable Long id) {
        ClaimFactsController.ClaimFactsView view = api.get(id, who);
        Map<String, Object> m = new HashMap<>();
        m.put("claim", facts.claim(id));
        m.put("v", view);
        m.put("fields", Arrays.stream(ClaimFact.values()).map(TrackFactsService::field).toList());
        m.put("planTypes", Arrays.stream(PlanType.values()).map(Enum::name).toList());
        m.put("networkStatuses", List.of(NetworkStatus.IN_NETWORK.name(), NetworkStatus.OUT_OF_NETWORK.name()));
        return pages.page(request, who, "claim-facts.ftlh", "Facts of claim " + facts.claim(id).patientControlNumber(), m);
    }

    /** Blank select = leave as is; "clear" = back to X12 / rule default. */
    @Post(value = "/claims/{id}/facts", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> save(HttpRequest<?> request, Authentication who, @PathVariable Long id, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        Map<String, Object> body = new LinkedHashMap<>();
        for (ClaimFact f : ClaimFact.values()) {
            String v = form.get(TrackFactsService.field(f));
            if (v == null || v.isBlank()) {
                continue;
            }
            body.put(TrackFactsService.field(f), "clear".equals(v) ? null : v.trim());
        }
        if (body.isEmpty()) {
            return Pages.redirect("/ui/claims/" + id + "/facts?error=" + QueuePage.enc("Choose at least one fact to set."));
        }
        body.put("scope", "PLAN".equals(form.get("scope")) ? "PLAN" : "CLAIM");
        try {
            ClaimFactsController.ClaimFactsView v = api.set(id, body, who);
            return Pages.redirect("/ui/claims/" + id + "/facts?flash=" + QueuePage.enc("Facts saved; track "
                    + v.track().track().name().replace('_', ' ') + (v.track().missingFacts().isEmpty() ? "." : " (still waiting for facts).")));
        } catch (ApiException e) {
            return Pages.redirect("/ui/claims/" + id + "/facts?error=" + QueuePage.enc(WebErrors.describe(e)));
        }
    }

    @Get(value = "/waiting-for-facts", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> waiting(HttpRequest<?> request, Authentication who, @QueryValue @Nullable Integer page) {
        int p = page == null || page < 0 ? 0 : page;
        ClaimFactsController.WaitingPage w = api.waiting(p, 50, who);
        Map<String, Object> m = new HashMap<>();
        m.put("items", w.items());
        m.put("total", w.total());
        m.put("owners", owners.ownersOf(w.items().stream().map(ClaimFactsController.WaitingClaim::claimId).toList()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)));
        m.put("assignees", WorkAssignmentPage.assignees(users));
        m.put("page", p);
        m.put("pages", Math.max(1, (w.total() + 49) / 50));
        return pages.page(request, who, "waiting-facts.ftlh", "Claims waiting for facts", m);
    }

    /** Every claim waiting for facts (up to 10,000), with the facts it needs and its owner, as CSV. */
    @Get(value = "/waiting-for-facts.csv", produces = "text/csv")
    public HttpResponse<String> waitingCsv(Authentication who) throws java.io.IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        int written = 0;
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.DEFAULT
                .builder().setHeader("claim", "service_date", "provisional_track", "facts_needed", "owner").get())) {
            for (int p = 0; written < 10_000; p++) {
                ClaimFactsController.WaitingPage w = api.waiting(p, 500, who);
                Map<Long, String> owner = owners.ownersOf(w.items().stream().map(ClaimFactsController.WaitingClaim::claimId).toList());
                for (ClaimFactsController.WaitingClaim c : w.items()) {
                    csv.printRecord(io.arbiter.common.CsvCells.row(c.patientControlNumber(), c.serviceDate(), c.provisionalTrack(),
                            String.join(" | ", c.missingFacts().stream().map(f -> f.question()).toList()), owner.get(c.claimId())));
                    written++;
                }
                if (w.items().size() < 500) {
                    break;
                }
            }
        }
        audit.record(who, AuditAction.EXPORT, "CLAIM", null, written + " claims waiting for facts, CSV");
        return HttpResponse.ok(out.toString()).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"claims-waiting-for-facts.csv\"");
    }
}
