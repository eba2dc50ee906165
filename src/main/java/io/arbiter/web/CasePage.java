package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.CaseReader;
import io.arbiter.cases.CaseEventType;
import io.arbiter.cases.CaseRequests;
import io.arbiter.cases.FeeKind;
import io.arbiter.cases.Outcome;
import io.arbiter.common.EnumText;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.CaseView;
import io.arbiter.common.ApiException;
import io.arbiter.security.Users;
import io.arbiter.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The case view: timeline, deadlines with citations, events, money, actions allowed in this stage. */
@Controller("/ui/cases")
@Hidden
public class CasePage {

    private final io.arbiter.claims.ClaimReader claims;
    private final Pages pages;
    private final CaseService service;
    private final CaseReader reader;
    private final Users users;
    private final AuditLog audit;
    private final List<PacketLinks> packetLinks;
    private final io.arbiter.cases.OfferSuggester offers;
    private final PacketDetailsForm detailsForm;
    @jakarta.inject.Inject
    io.arbiter.cases.CasePayments casePayments;

    public CasePage(Pages pages, CaseService service, CaseReader reader, Users users, AuditLog audit,
                    List<PacketLinks> packetLinks, io.arbiter.cases.OfferSuggester offers, PacketDetailsForm detailsForm,
                    io.arbiter.claims.ClaimReader claims) {
        this.claims = claims;
        this.detailsForm = detailsForm;
        this.offers = offers;
        this.pages = pages;
        this.service = service;
        this.reader = reader;
        this.users = users;
        this.audit = audit;
        this.packetLinks = packetLinks;
    }

    /**
     * Which optional inputs of the event form apply to each event (DisputeCase.apply: money events require an
     * amount, SETTLED takes one; FEE_PAID needs a fee kind; decisions take an amount and an outcome). The form shows
     * every input without JavaScript; static/event-form.js hides those that do not apply.
     */
    static final Map<String, String> EVENT_FIELDS = Map.ofEntries(
            Map.entry("QPA_DISCLOSED", "money"), Map.entry("OFFER_SUBMITTED", "money"), Map.entry("PAYER_OFFER_RECEIVED", "money"),
            Map.entry("DEMAND_SENT", "money"), Map.entry("SETTLED", "money"), Map.entry("FEE_REFUND_RECEIVED", "money"),
            Map.entry("PAYMENT_RECEIVED", "money"), Map.entry("FEE_PAID", "money fee"),
            Map.entry("DETERMINATION_ISSUED", "money decision"), Map.entry("DECISION_ISSUED", "money decision"),
            Map.entry("MFDR_DECIDED", "money decision"), Map.entry("RECONSIDERATION_DECIDED", "money decision"),
            Map.entry("APPEAL_DECIDED", "money decision"));

    /** Lets the packets capability list downloadable packets on the case page without web depending on it. */
    public interface PacketLinks {
        List<Map<String, Object>> links(CaseView view);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    @Secured({Roles.SPECIALIST, Roles.ADMIN, Roles.FINANCE, Roles.ATTORNEY})
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who, @PathVariable Long id) {
        return render(request, who, id, Map.of(), io.micronaut.http.HttpStatus.OK);
    }

    /**
     * The case page; {@code extra} may carry "packetFormState" ({typed, errors} of a refused packet-details save) and an
     * "error" line, answered with {@code status} (422 for a refused form).
     */
    @SuppressWarnings("unchecked")
    HttpResponse<String> render(HttpRequest<?> request, Authentication who, Long id, Map<String, Object> extra,
                                io.micronaut.http.HttpStatus status) {
        boolean attorneyOnly = Roles.attorneyOnly(who);
        io.arbiter.cases.DisputeCase dc = service.readable(id, who.getName(), attorneyOnly);
        CaseView view = reader.view(dc);
        audit.record(who, AuditAction.VIEW, "CASE", id, "browser");
        Map<String, Object> m = new HashMap<>();
        m.put("c", view);
        // what was received since the decision, each with where it came from (issue 17: the bank's record or typed in)
        m.put("payments", casePayments.findByCaseIdOrderById(dc.getId()));
        // The remittance history of each claim in the case: the initial payment that started the clock, and what came after.
        m.put("ledgers", view.lines().stream().map(CaseView.Line::claimId).distinct()
                .map(claimId -> Map.of("claimId", claimId, "ledger", claims.ledger(claimId))).toList());
        m.put("canEdit", who.getRoles().contains(Roles.SPECIALIST) || who.getRoles().contains(Roles.ADMIN));
        m.put("today", service.today());
        m.put("stageIndex", view.timeline().indexOf(view.stage()));
        m.put("attorneys", users.listOrderByUsername().stream().filter(u -> u.hasRole(Roles.ATTORNEY)).map(u -> u.username()).toList());
        if (!attorneyOnly) {
            try {
                // Offer evidence at the median: own decided cases and the federal IDR public use file, when loaded.
                m.put("offers", offers.suggest(dc, 50));
            } catch (ApiException e) {
                m.put("offersProblem", e.getMessage());
            }
            m.put("documentKinds", io.arbiter.cases.CaseDocuments.KINDS.stream().sorted().toList());
        }
        m.put("eventFields", EVENT_FIELDS);
        m.put("packets", packetLinks.stream().flatMap(p -> p.links(view).stream()).toList());
        if (!attorneyOnly) {
            Map<String, Object> state = (Map<String, Object>) extra.getOrDefault("packetFormState", Map.of());
            m.put("packetForm", detailsForm.model(dc, view, (Map<String, String>) state.getOrDefault("typed", Map.of()),
                    (Map<String, String>) state.getOrDefault("errors", Map.of())));
        }
        if (view.batched()) {
            m.put("batch", BatchesPage.panel(view));
        }
        if (extra.get("error") != null) {
            m.put("error", extra.get("error"));
        }
        return pages.page(request, who, "case.ftlh", view.caseNumber(), m, status);
    }

    @Post(value = "/{id}/events", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public HttpResponse<String> event(HttpRequest<?> request, Authentication who, @PathVariable Long id, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        try {
            String amount = form.getOrDefault("amount", "").trim();
            service.record(id, new CaseRequests.Event(EnumText.parse(CaseEventType.class, form.get("type"), "type"),
                    LocalDate.parse(form.getOrDefault("date", "")),
                    amount.isEmpty() ? null : new BigDecimal(amount.replace(",", "").replace("$", "")),
                    blank(form.get("note")), EnumText.parseOptional(FeeKind.class, form.get("feeKind"), "feeKind"),
                    EnumText.parseOptional(Outcome.class, form.get("outcome"), "outcome"),
                    form.containsKey("version") ? Long.valueOf(form.get("version")) : null), who.getName());
        } catch (ApiException e) {
            return Pages.redirect("/ui/cases/" + id + "?error=" + QueuePage.enc(e.getMessage()));
        } catch (RuntimeException e) {
            return Pages.redirect("/ui/cases/" + id + "?error=" + QueuePage.enc("Check the date (YYYY-MM-DD) and amount."));
        }
        return Pages.redirect("/ui/cases/" + id + "?flash=" + QueuePage.enc(form.get("type") + " recorded."));
    }

    @Post(value = "/{id}/shares", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public HttpResponse<String> share(HttpRequest<?> request, Authentication who, @PathVariable Long id, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        try {
            service.share(id, form.get("username"), who.getName());
        } catch (ApiException e) {
            return Pages.redirect("/ui/cases/" + id + "?error=" + QueuePage.enc(e.getMessage()));
        }
        return Pages.redirect("/ui/cases/" + id + "?flash=" + QueuePage.enc("Shared with " + form.get("username") + "."));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
