package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.CaseLine;
import io.arbiter.cases.CaseLineRepository;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.CaseView;
import io.arbiter.cases.DisputeCase;
import io.arbiter.common.ApiException;
import io.arbiter.packets.PacketContextFactory;
import io.arbiter.packets.PacketDetail;
import io.arbiter.packets.PacketDetails;
import io.arbiter.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packet-details form on the case page: the facts packets need that no remittance carries (contacts, payer
 * address, IDR numbers, offer-brief arguments; per line QPA, offer, MAR...). Saves through {@link PacketDetails#save},
 * the same code as PUT /api/v1/cases/{id}/packet-details and /lines/{lineId}/packet-details. Only values the user
 * changed are stored at case scope, so practice- and payer-level defaults keep flowing into cases that do not override them.
 */
@Controller("/ui/cases")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class PacketDetailsForm {

    /** Case-scope fields in form order, with the label the user sees (keys are PacketContextFactory.DETAIL_KEYS). */
    static final Map<String, String> CASE_LABELS = new LinkedHashMap<>();
    /** Per-line fields (PacketDetails.LINE_KEYS). */
    static final Map<String, String> LINE_LABELS = new LinkedHashMap<>();
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    static {
        CASE_LABELS.put("practice.contactName", "Practice contact (representative)");
        CASE_LABELS.put("practice.contactTitle", "Contact title");
        CASE_LABELS.put("practice.email", "Practice contact e-mail");
        CASE_LABELS.put("practice.phone", "Practice contact telephone");
        CASE_LABELS.put("payer.address.line1", "Payer address (street)");
        CASE_LABELS.put("payer.address.city", "Payer city");
        CASE_LABELS.put("payer.address.state", "Payer state");
        CASE_LABELS.put("payer.address.zip", "Payer ZIP");
        CASE_LABELS.put("payer.email", "Payer e-mail");
        CASE_LABELS.put("payer.phone", "Payer telephone");
        CASE_LABELS.put("payer.policyNumber", "Policy number");
        CASE_LABELS.put("patient.dateOfInjury", "Date of injury / accident (YYYY-MM-DD)");
        CASE_LABELS.put("patient.employerName", "Employer");
        CASE_LABELS.put("claim.serviceType", "Type of service (NSA category)");
        CASE_LABELS.put("idr.disputeNumber", "IDR dispute number");
        CASE_LABELS.put("idr.preferredIdre", "Preferred IDR entity");
        CASE_LABELS.put("idr.selectedIdre", "Selected IDR entity");
        CASE_LABELS.put("arguments.serviceDescription", "Service description");
        CASE_LABELS.put("arguments.complexity", "Patient acuity / complexity");
        CASE_LABELS.put("arguments.trainingAndExperience", "Training and experience");
        CASE_LABELS.put("arguments.marketShare", "Market share");
        CASE_LABELS.put("arguments.priorContractedRates", "Prior contracted rates");
        CASE_LABELS.put("arguments.codingJustification", "Coding justification");
        CASE_LABELS.put("arguments.goodFaithContracting", "Good-faith contracting efforts");
        CASE_LABELS.put("arguments.patientCharacteristics", "Patient characteristics");
        CASE_LABELS.put("arguments.benchmarkSource", "Benchmark source (database and release)");
        CASE_LABELS.put("arguments.benchmarkHistory", "Benchmark history");
        CASE_LABELS.put("arguments.billedChargeComparison", "Texas factor 1: billed charge compared with OON payments (optional)");
        CASE_LABELS.put("arguments.usualCharges", "Texas factor 3: usual charge to other OON enrollees (optional)");
        CASE_LABELS.put("denial.payerRequested", "What the payer asked for");
        CASE_LABELS.put("denial.denialReason", "Denial reason");
        LINE_LABELS.put("description", "Description");
        LINE_LABELS.put("units", "Units");
        LINE_LABELS.put("qpa", "QPA");
        LINE_LABELS.put("offer", "Offer");
        LINE_LABELS.put("amountInDispute", "Amount in dispute");
        LINE_LABELS.put("mar", "MAR");
        LINE_LABELS.put("marComputation", "MAR computation");
        if (!PacketContextFactory.DETAIL_KEYS.equals(CASE_LABELS.keySet()) || !PacketDetails.LINE_KEYS.equals(LINE_LABELS.keySet())) {
            throw new IllegalStateException("packet-details form out of step with PacketContextFactory.DETAIL_KEYS / PacketDetails.LINE_KEYS");
        }
    }

    private final Pages pages;
    private final CaseService cases;
    private final CaseLineRepository caseLines;
    private final PacketDetails details;
    private final AuditLog audit;

    private final io.arbiter.cases.CaseTerms caseTerms;

    public PacketDetailsForm(Pages pages, CaseService cases, CaseLineRepository caseLines, PacketDetails details, AuditLog audit,
                             io.arbiter.cases.CaseTerms caseTerms) {
        this.caseTerms = caseTerms;
        this.pages = pages;
        this.cases = cases;
        this.caseLines = caseLines;
        this.details = details;
        this.audit = audit;
    }

    /** The form's HTML id for a missing packet field, or "" when the field is not entered here (events, settings...). */
    static String anchor(String field, List<Long> caseLineIds) {
        if (PacketContextFactory.DETAIL_KEYS.contains(field)) {
            return caseId(field);
        }
        if (field.equals("payer.address")) {
            return caseId("payer.address.line1");
        }
        Matcher m = LINE_FIELD.matcher(field);
        if (m.matches() && PacketDetails.LINE_KEYS.contains(m.group(2))) {
            int i = Integer.parseInt(m.group(1));
            return i < caseLineIds.size() ? lineId(caseLineIds.get(i), m.group(2)) : "";
        }
        return "";
    }

    static String caseId(String key) {
        return "pd-" + key.replace('.', '-');
    }

    static String lineId(Long caseLineId, String key) {
        return "pdl-" + caseLineId + "-" + key;
    }

    /** What the case page needs to draw the form: current (merged practice → payer → case) values. */
    Map<String, Object> model(DisputeCase dc, CaseView view) {
        Map<String, String> current = details.forCase(dc.getPracticeId(), dc.getPayerId(), dc.getId());
        List<Map<String, String>> fields = new ArrayList<>();
        CASE_LABELS.forEach((key, label) -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("key", key);
            f.put("id", caseId(key));
            f.put("label", label);
            f.put("group", key.substring(0, key.indexOf('.')));
            f.put("value", current.getOrDefault(key, ""));
            f.put("long", String.valueOf(key.startsWith("arguments.") || key.startsWith("denial.")));
            fields.add(f);
        });
        Map<Long, Map<String, String>> lineValues = new HashMap<>();
        caseTerms.forLines(view.lines().stream().map(CaseView.Line::id).toList()).forEach((k, v) -> lineValues.put(k, v.asText()));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (CaseView.Line l : view.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", l.id());
            row.put("code", l.procedureCode());
            row.put("serviceDate", l.serviceDate());
            List<Map<String, String>> cells = new ArrayList<>();
            LINE_LABELS.forEach((key, label) -> cells.add(Map.of("name", "line." + l.id() + "." + key, "id", lineId(l.id(), key),
                    "label", label, "value", lineValues.getOrDefault(l.id(), Map.of()).getOrDefault(key, ""))));
            row.put("cells", cells);
            lines.add(row);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("fields", fields);
        m.put("lineLabels", List.copyOf(LINE_LABELS.values()));
        m.put("lines", lines);
        return m;
    }

    @Post(value = "/{id}/packet-details", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public HttpResponse<String> save(HttpRequest<?> request, Authentication who, @PathVariable Long id, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        DisputeCase dc = cases.readable(id, who.getName(), false);
        Map<String, String> current = details.forCase(dc.getPracticeId(), dc.getPayerId(), id);
        Map<String, String> caseValues = new LinkedHashMap<>();
        for (String key : CASE_LABELS.keySet()) {
            String submitted = form.get(key);
            if (submitted != null && !submitted.trim().equals(current.getOrDefault(key, ""))) {
                caseValues.put(key, submitted);
            }
        }
        List<CaseLine> lines = caseLines.findByCaseIdOrderById(id);
        Map<Long, Map<String, String>> existing = new HashMap<>();
        caseTerms.forLines(lines.stream().map(CaseLine::id).toList()).forEach((k, v) -> existing.put(k, v.asText()));
        Map<Long, Map<String, String>> lineValues = new LinkedHashMap<>();
        for (CaseLine l : lines) {
            for (String key : LINE_LABELS.keySet()) {
                String submitted = form.get("line." + l.id() + "." + key);
                if (submitted != null && !submitted.trim().equals(existing.getOrDefault(l.id(), Map.of()).getOrDefault(key, ""))) {
                    lineValues.computeIfAbsent(l.id(), k -> new LinkedHashMap<>()).put(key, submitted);
                }
            }
        }
        try {
            // Every line's values are checked before anything is saved: a bad amount on one line stores nothing.
            for (var e : lineValues.entrySet()) {
                io.arbiter.cases.LineTerms.parse(caseTerms.of(e.getKey()), e.getValue(), "line " + e.getKey() + " ");
            }
            if (!caseValues.isEmpty()) {
                details.save(PacketDetail.Scope.CASE, id, caseValues, who.getName());
                audit.record(who, AuditAction.CHANGE, "CASE", id, "packet details " + caseValues.keySet() + ", browser");
            }
            for (var e : lineValues.entrySet()) {
                caseTerms.change(id, e.getKey(), e.getValue(), "line " + e.getKey() + " ", who.getName());
            }
        } catch (ApiException e) {
            return Pages.redirect("/ui/cases/" + id + "?error=" + QueuePage.enc(WebErrors.describe(e)) + "#packet-details");
        }
        int changed = caseValues.size() + lineValues.values().stream().mapToInt(Map::size).sum();
        return Pages.redirect("/ui/cases/" + id + "?flash=" + QueuePage.enc(changed == 0 ? "Nothing changed."
                : "Packet details saved (" + changed + " field" + (changed == 1 ? "" : "s") + "); readiness below is re-checked.") + "#packets");
    }
}
