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
import io.arbiter.tracks.WaitingForFacts;
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
    private final io.arbiter.security.Users users;
    private final WaitingForFacts waiting;
    private final io.arbiter.practice.Payers payerNames;

    public ClaimFactsPage(Pages pages, ClaimFactsController api, TrackFactsService facts, AuditLog audit,
                          io.arbiter.security.Users users, WaitingForFacts waiting, io.arbiter.practice.Payers payerNames) {
        this.pages = pages;
        this.users = users;
        this.waiting = waiting;
        this.payerNames = payerNames;
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
    public HttpResponse<String> waiting(HttpRequest<?> request, Authentication who, @QueryValue @Nullable String payer,
                                        @QueryValue @Nullable String track, @QueryValue @Nullable String mine,
                                        @QueryValue @Nullable String afterDate, @QueryValue @Nullable Long afterId) {
        Map<String, Object> m = new HashMap<>();
        String query = "payer=" + QueuePage.enc(nz(payer)) + "&track=" + QueuePage.enc(nz(track)) + ("on".equals(mine) ? "&mine=on" : "");
        try {
            WaitingForFacts.Filter filter = new WaitingForFacts.Filter(blank(payer),
                    blank(track) == null ? null : io.arbiter.common.EnumText.parse(io.arbiter.rules.Track.class, track, "track"),
                    "on".equals(mine) ? who.getName() : null);
            WaitingForFacts.After after = afterId == null ? null
                    : new WaitingForFacts.After(blank(afterDate) == null ? null : java.time.LocalDate.parse(afterDate), afterId);
            WaitingForFacts.Page w = waiting.page(filter, pages.practices(who), after, PAGE);
            m.put("items", api.explain(w.rows()));
            m.put("total", w.total());
            m.put("owners", w.rows().stream().filter(r -> r.owner() != null)
                    .collect(java.util.stream.Collectors.toMap(r -> String.valueOf(r.claimId()), WaitingForFacts.Row::owner)));
            m.put("payers", w.rows().stream().filter(r -> r.payer() != null)
                    .collect(java.util.stream.Collectors.toMap(r -> String.valueOf(r.claimId()), WaitingForFacts.Row::payer)));
            if (w.next() != null) {
                m.put("nextHref", "/ui/waiting-for-facts?" + query + "&afterDate=" + (w.next().serviceDate() == null ? "" : w.next().serviceDate())
                        + "&afterId=" + w.next().claimId());
            }
            audit.record(who, AuditAction.LIST, "CLAIM", null, "waiting for facts: " + w.rows().size() + " of " + w.total() + ", browser");
        } catch (ApiException | java.time.format.DateTimeParseException e) {
            m.put("items", List.of());
            m.put("total", 0);
            m.put("error", e instanceof ApiException a ? WebErrors.describe(a) : "The page address is not valid; start from the first page.");
        }
        m.put("filters", Map.of("payer", nz(payer), "track", nz(track), "mine", nz(mine)));
        m.put("payerNames", payerNames.findAll().stream().map(io.arbiter.practice.Payer::name).sorted().distinct().toList());
        m.put("tracks", List.of(io.arbiter.rules.Track.values()).stream().map(Enum::name).toList());
        m.put("assignees", WorkAssignmentPage.assignees(users));
        m.put("csvHref", "/ui/waiting-for-facts.csv?" + query);
        return pages.page(request, who, "waiting-facts.ftlh", "Claims waiting for facts", m);
    }

    private static final int PAGE = 50;

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** Every claim waiting for facts (up to 10,000), with the facts it needs and its owner, as CSV. */
    @Get(value = "/waiting-for-facts.csv", produces = "text/csv")
    public HttpResponse<String> waitingCsv(Authentication who, @QueryValue @Nullable String payer, @QueryValue @Nullable String track,
                                           @QueryValue @Nullable String mine) throws java.io.IOException {
        WaitingForFacts.Filter filter = new WaitingForFacts.Filter(blank(payer),
                blank(track) == null ? null : io.arbiter.common.EnumText.parse(io.arbiter.rules.Track.class, track, "track"),
                "on".equals(mine) ? who.getName() : null);
        java.io.StringWriter out = new java.io.StringWriter();
        int written = 0;
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.DEFAULT
                .builder().setHeader("claim", "payer", "service_date", "provisional_track", "facts_needed", "owner").get())) {
            WaitingForFacts.After after = null;
            do {
                WaitingForFacts.Page w = waiting.page(filter, pages.practices(who), after, 500);
                List<ClaimFactsController.WaitingClaim> explained = api.explain(w.rows());
                for (int i = 0; i < w.rows().size(); i++) {
                    WaitingForFacts.Row r = w.rows().get(i);
                    csv.printRecord(io.arbiter.common.CsvCells.row(r.patientControlNumber(), r.payer(), r.serviceDate(),
                            explained.get(i).provisionalTrack(), String.join(" | ", explained.get(i).missingFacts().stream()
                                    .map(f -> f.question()).toList()), r.owner()));
                    written++;
                }
                after = w.next();
            } while (after != null && written < 10_000);
        }
        audit.record(who, AuditAction.EXPORT, "CLAIM", null, written + " claims waiting for facts, CSV");
        return HttpResponse.ok(out.toString()).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"claims-waiting-for-facts.csv\"");
    }
}
