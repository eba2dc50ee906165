package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.CaseLine;
import io.arbiter.cases.CaseLines;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.CaseView;
import io.arbiter.cases.DisputeCase;
import io.arbiter.common.ApiException;
import io.arbiter.packets.PacketContextFactory;
import io.arbiter.packets.PacketDetail;
import io.arbiter.packets.PacketDetails;
import io.arbiter.packets.PacketType;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Pattern PROBLEM_LINE = Pattern.compile("line (\\d+) (\\w+)");

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
        CASE_LABELS.put("claim.facilityName", "Facility where the services were furnished (when the claim does not name it)");
        CASE_LABELS.put("claim.placeOfService", "Place-of-service code (when the claim has none)");
        CASE_LABELS.put("claim.serviceState", "State where the services were furnished (when the claim has none)");
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
    private final CaseLines caseLines;
    private final PacketDetails details;
    private final AuditLog audit;

    private final io.arbiter.cases.CaseTerms caseTerms;

    private final jakarta.inject.Provider<CasePage> casePage;

    public PacketDetailsForm(Pages pages, CaseService cases, CaseLines caseLines, PacketDetails details, AuditLog audit,
                             io.arbiter.cases.CaseTerms caseTerms, jakarta.inject.Provider<CasePage> casePage) {
        this.casePage = casePage;
        this.caseTerms = caseTerms;
        this.pages = pages;
        this.cases = cases;
        this.caseLines = caseLines;
        this.details = details;
        this.audit = audit;
    }

    /** The form input a problem location names: "values.payer.email" -> payer.email, "line 12 qpa" -> line.12.qpa. */
    static String inputName(String location) {
        Matcher m = PROBLEM_LINE.matcher(location);
        if (m.matches()) {
            return "line." + m.group(1) + "." + m.group(2);
        }
        return location.startsWith("values.") ? location.substring("values.".length()) : location;
    }

    /** The form's HTML id for a missing packet field, or "" when the field is not entered here (events, settings...). */
    static String anchor(String field, List<Long> caseLineIds) {
        if (livesOnPayer(field) || field.equals("payer.address")) {
            return ""; // entered on the payer screen (CasePacketsPage links there)
        }
        if (PacketContextFactory.DETAIL_KEYS.contains(field)) {
            return caseId(field);
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

    /** Payer contact fields: entered on the payer (/ui/payers), where every case of that payer reads them. */
    static boolean livesOnPayer(String key) {
        return key.startsWith("payer.address.") || key.equals("payer.email") || key.equals("payer.phone");
    }

    /**
     * The fields the case's track prints (PacketType.usedFields of every packet type of the track): a workers' comp case
     * is not asked for IDR numbers, a federal IDR case not for the date of injury.
     */
    static Set<String> usedBy(io.arbiter.rules.Track caseTrack) {
        io.arbiter.packets.model.PacketContext.Track track = io.arbiter.packets.model.PacketContext.Track.valueOf(caseTrack.name());
        Set<String> used = new HashSet<>();
        for (PacketType t : PacketType.values()) {
            if (t.appliesTo(track)) {
                used.addAll(t.usedFields());
            }
        }
        return used;
    }

    /** What the case page needs to draw the form: current (merged practice → payer → case) values. */
    Map<String, Object> model(DisputeCase dc, CaseView view) {
        return model(dc, view, Map.of(), Map.of());
    }

    /**
     * The form with the values a refused save typed ({@code typed}, by input name) in place of the stored ones, and each
     * refused value's message beside its field ({@code errors}, by input name).
     */
    Map<String, Object> model(DisputeCase dc, CaseView view, Map<String, String> typed, Map<String, String> errors) {
        Map<String, String> current = details.forCase(dc.getPracticeId(), dc.getPayerId(), dc.getId());
        Set<String> used = usedBy(dc.getTrack());
        List<Map<String, String>> fields = new ArrayList<>();
        CASE_LABELS.forEach((key, label) -> {
            if (livesOnPayer(key) || !used.contains(key)) {
                return;
            }
            Map<String, String> f = new LinkedHashMap<>();
            f.put("key", key);
            f.put("id", caseId(key));
            f.put("label", label);
            f.put("group", key.substring(0, key.indexOf('.')));
            f.put("value", typed.containsKey(key) ? typed.get(key) : current.getOrDefault(key, ""));
            f.put("error", errors.getOrDefault(key, ""));
            f.put("long", String.valueOf(key.startsWith("arguments.") || key.startsWith("denial.")));
            fields.add(f);
        });
        Map<String, String> lineLabels = new LinkedHashMap<>();
        LINE_LABELS.forEach((key, label) -> {
            if (key.equals("units") || key.equals("description") || used.contains("lines[]." + key)) {
                lineLabels.put(key, label);
            }
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
            lineLabels.forEach((key, label) -> {
                String name = "line." + l.id() + "." + key;
                cells.add(Map.of("name", name, "id", lineId(l.id(), key), "label", label,
                        "value", typed.containsKey(name) ? typed.get(name) : lineValues.getOrDefault(l.id(), Map.of()).getOrDefault(key, ""),
                        "error", errors.getOrDefault(name, "")));
            });
            row.put("cells", cells);
            lines.add(row);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("fields", fields);
        m.put("lineLabels", List.copyOf(lineLabels.values()));
        m.put("lines", lines);
        m.put("payerId", dc.getPayerId());
        m.put("failed", !errors.isEmpty());
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
            String submitted = form.get(key); // a field the track's form does not show is not submitted: left as it is
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
        // Every value is checked before anything is saved: one bad amount or date stores nothing.
        List<io.arbiter.common.ApiProblem.ProblemDetail> problems = new ArrayList<>(details.problems(PacketDetail.Scope.CASE, caseValues));
        for (var e : lineValues.entrySet()) {
            try {
                io.arbiter.cases.LineTerms.parse(caseTerms.of(e.getKey()), e.getValue(), "line " + e.getKey() + " ");
            } catch (ApiException ex) {
                problems.addAll(ex.errors());
            }
        }
        if (!problems.isEmpty()) {
            // Shown again with every typed value kept and each refused one's reason beside its field.
            Map<String, String> errors = new HashMap<>();
            problems.forEach(d -> errors.put(inputName(d.location()), d.message()));
            return casePage.get().render(request, who, id, Map.of("packetFormState", Map.of("typed", form, "errors", errors),
                    "error", "Packet details not saved: " + problems.size() + " value" + (problems.size() == 1 ? " needs" : "s need")
                            + " correcting (see the messages beside the fields)."), io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
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
