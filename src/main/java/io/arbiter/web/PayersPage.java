package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.packets.PacketDetail;
import io.arbiter.packets.PacketDetails;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a payer's mailing address and contact live (issue 20): every packet to that payer prints them, so they are
 * entered once per payer, not per case. Saved as payer-scope packet facts (the same store and checks as
 * PUT /api/v1/payers/{id}/packet-details); a bad value re-shows the form with the error beside its field and every
 * typed value kept.
 */
@Controller("/ui/payers")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class PayersPage {

    /** The payer-scope contact fields, in form order, with their labels. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    /** The payer's own column, not a packet fact: the legal name documents give the other party. */
    static final String LEGAL_ENTITY = "legalEntity";

    static {
        FIELDS.put(LEGAL_ENTITY, "Legal name of the plan or issuer");
        FIELDS.put("payer.address.line1", "Street address");
        FIELDS.put("payer.address.city", "City");
        FIELDS.put("payer.address.state", "State");
        FIELDS.put("payer.address.zip", "ZIP or ZIP+4");
        FIELDS.put("payer.email", "E-mail for disputes");
        FIELDS.put("payer.phone", "Telephone for disputes");
    }

    private final Pages pages;
    private final Payers payers;
    private final PacketDetails details;
    private final AuditLog audit;

    public PayersPage(Pages pages, Payers payers, PacketDetails details, AuditLog audit) {
        this.pages = pages;
        this.payers = payers;
        this.details = details;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> list(HttpRequest<?> request, Authentication who) {
        return render(request, who, null, Map.of(), Map.of(), HttpStatus.OK);
    }

    @Post(value = "/{id}/contact", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> save(HttpRequest<?> request, Authentication who, @PathVariable Long id, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        Payer payer = payers.require(id);
        Map<String, String> current = new HashMap<>(details.forPayer(id));
        current.put(LEGAL_ENTITY, payer.legalEntity() == null ? "" : payer.legalEntity());
        Map<String, String> changed = new LinkedHashMap<>();
        for (String key : FIELDS.keySet()) {
            String submitted = form.get(key);
            if (submitted != null && !submitted.trim().equals(current.getOrDefault(key, ""))) {
                changed.put(key, submitted);
            }
        }
        String legalName = changed.remove(LEGAL_ENTITY);
        Map<String, String> errors = new HashMap<>();
        details.problems(PacketDetail.Scope.PAYER, changed).forEach(d -> errors.put(d.location().replaceFirst("^values\\.", ""), d.message()));
        if (legalName != null && legalName.trim().length() > 200) {
            errors.put(LEGAL_ENTITY, "is longer than 200 characters");
        }
        if (errors.isEmpty()) {
            if (!changed.isEmpty()) {
                details.save(PacketDetail.Scope.PAYER, id, changed, who.getName());
            }
            if (legalName != null) {
                payers.changeLegalEntity(id, legalName);
                changed.put(LEGAL_ENTITY, legalName);
            }
            if (!changed.isEmpty()) {
                audit.record(who, AuditAction.CHANGE, "PAYER", id, "packet contact " + changed.keySet() + ", browser");
            }
        } else {
            Map<String, String> typed = new HashMap<>();
            FIELDS.keySet().forEach(k -> typed.put(k, form.getOrDefault(k, "")));
            return render(request, who, id, typed, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return Pages.redirect("/ui/payers?flash=" + QueuePage.enc(changed.isEmpty() ? "Nothing changed."
                : "Contact for " + payer.name() + " saved; packets to this payer print it.") + "#payer-" + id);
    }

    private HttpResponse<String> render(HttpRequest<?> request, Authentication who, @Nullable Long failedPayer,
                                        Map<String, String> typed, Map<String, String> errors, HttpStatus status) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Payer> all = payers.byName();
        Map<Long, Map<String, String>> stored = details.forPayers(all.stream().map(Payer::id).toList());
        for (Payer p : all) {
            Map<String, String> values = new HashMap<>(p.id().equals(failedPayer) ? typed : stored.getOrDefault(p.id(), Map.of()));
            if (!p.id().equals(failedPayer)) {
                values.put(LEGAL_ENTITY, p.legalEntity() == null ? "" : p.legalEntity());
            }
            List<Map<String, String>> fields = new ArrayList<>();
            FIELDS.forEach((key, label) -> {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("key", key);
                f.put("id", "payer-" + p.id() + "-" + key.replace('.', '-'));
                f.put("name", key);
                f.put("label", label);
                f.put("value", values.getOrDefault(key, ""));
                f.put("error", p.id().equals(failedPayer) ? errors.getOrDefault(key, "") : "");
                fields.add(f);
            });
            Map<String, Object> row = new HashMap<>();
            row.put("id", p.id());
            row.put("name", p.name());
            row.put("code", p.payerCode() == null ? "" : p.payerCode());
            row.put("fields", fields);
            row.put("failed", p.id().equals(failedPayer));
            rows.add(row);
        }
        audit.record(who, AuditAction.LIST, "PAYER", null, "payer contacts, browser (" + rows.size() + ")");
        Map<String, Object> m = new HashMap<>();
        m.put("payers", rows);
        if (failedPayer != null) {
            m.put("error", "Some values were not saved: see the messages beside the fields.");
        }
        return pages.page(request, who, "payers.ftlh", "Payers", m, status);
    }
}
