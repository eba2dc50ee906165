package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.CaseReader;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.CaseView;
import io.arbiter.cases.DisputeCase;
import io.arbiter.common.ApiException;
import io.arbiter.denials.DenialRequests;
import io.arbiter.denials.DenialService;
import io.arbiter.denials.DenialView;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case's denial evidence checklists in the browser (issue 20): for each denied line of the case, the playbook's
 * evidence items with the case document that proves each. The appeal letter is refused until every required item is
 * attached; this is where the "Evidence checklist" a packet names as missing is filled in. Same service and rules as
 * {@code POST /api/v1/denials/{id}/evidence}.
 */
@Controller("/ui/cases")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CaseEvidencePage {

    private final Pages pages;
    private final CaseService cases;
    private final CaseReader reader;
    private final DenialService denials;
    private final AuditLog audit;

    public CaseEvidencePage(Pages pages, CaseService cases, CaseReader reader, DenialService denials, AuditLog audit) {
        this.pages = pages;
        this.cases = cases;
        this.reader = reader;
        this.denials = denials;
        this.audit = audit;
    }

    @Get(value = "/{id}/evidence", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who, @PathVariable Long id) {
        CaseView view = reader.view(cases.readable(id, who.getName(), false));
        List<DenialView> found = denialsOf(view);
        audit.record(who, AuditAction.VIEW, "CASE", id, "denial evidence, browser (" + found.size() + " denials)");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DenialView d : found) {
            Map<String, Object> r = new HashMap<>();
            r.put("d", d);
            r.put("missing", d.missingRequired());
            rows.add(r);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("c", view);
        m.put("denials", rows);
        m.put("documents", view.documents());
        return pages.page(request, who, "case-evidence.ftlh", "Evidence for case " + view.caseNumber(), m);
    }

    /** Reads the denials of the case's claims from their remittances (idempotent), when none was read yet. */
    @Post(value = "/{id}/evidence/sync", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> sync(HttpRequest<?> request, Authentication who, @PathVariable Long id, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        CaseView view = reader.view(cases.readable(id, who.getName(), false));
        var r = denials.sync(view.lines().stream().map(CaseView.Line::claimId).distinct().toList());
        audit.record(who, AuditAction.CHANGE, "DENIAL", "sync", "case " + id + ", created " + r.created() + ", updated " + r.updated());
        return Pages.redirect("/ui/cases/" + id + "/evidence?flash=" + QueuePage.enc("Denials read from the remittances: "
                + r.created() + " new, " + r.updated() + " updated."));
    }

    /**
     * Marks exactly the ticked items of one denial as proven by the chosen case document, and unticked ones as not
     * attached. Form fields: {@code item-<index>} checkboxes, {@code documentId}.
     */
    @Post(value = "/{id}/evidence/{denialId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> save(HttpRequest<?> request, Authentication who, @PathVariable Long id, @PathVariable Long denialId,
                                     @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        CaseView view = reader.view(cases.readable(id, who.getName(), false));
        DenialView denial = denialsOf(view).stream().filter(d -> d.id().equals(denialId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Denial " + denialId + " of case " + id));
        List<Integer> ticked = new ArrayList<>();
        List<Integer> unticked = new ArrayList<>();
        for (DenialView.Evidence e : denial.checklist()) {
            if ("on".equals(form.get("item-" + e.index()))) {
                ticked.add(e.index());
            } else if (e.attached()) {
                unticked.add(e.index());
            }
        }
        Long documentId = parseDocument(form.get("documentId"), view);
        try {
            if (!ticked.isEmpty()) {
                if (documentId == null) {
                    return back(id, "error", "Choose the case document that proves the ticked items (upload it under Documents first).");
                }
                denials.attachEvidence(denialId, new DenialRequests.Evidence(ticked, documentId, true), who.getName());
            }
            if (!unticked.isEmpty()) {
                denials.attachEvidence(denialId, new DenialRequests.Evidence(unticked, null, false), who.getName());
            }
        } catch (ApiException e) {
            return back(id, "error", WebErrors.describe(e));
        }
        audit.record(who, AuditAction.CHANGE, "DENIAL", denialId, "evidence items " + ticked + " attached, " + unticked + " detached, browser");
        return back(id, "flash", "Evidence saved for " + denial.procedureCode() + " (" + denial.groupCode() + "-" + denial.carc() + ").");
    }

    private List<DenialView> denialsOf(CaseView view) {
        List<DenialView> out = new ArrayList<>();
        for (CaseView.Line l : view.lines()) {
            denials.forClaimLine(l.lineId()).ifPresent(out::add);
        }
        return out;
    }

    /** The chosen document, which must be one of this case's. */
    private static Long parseDocument(String value, CaseView view) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long docId = Long.parseLong(value.trim());
            Optional<CaseView.Document> doc = view.documents().stream().filter(d -> d.id() == docId).findFirst();
            return doc.map(CaseView.Document::id).orElseThrow(() -> ApiException.notFound("Document " + docId + " of case " + view.id()));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Document " + value);
        }
    }

    private static HttpResponse<String> back(Long id, String kind, String message) {
        return Pages.redirect("/ui/cases/" + id + "/evidence?" + kind + "=" + QueuePage.enc(message));
    }
}
