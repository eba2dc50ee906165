package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.CaseView;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.DisputeCases;
import io.arbiter.common.ApiException;
import io.arbiter.packets.GeneratedPacket;
import io.arbiter.packets.PacketContextFactory;
import io.arbiter.packets.PacketService;
import io.arbiter.packets.PacketType;
import io.arbiter.packets.PacketValidationException;
import io.arbiter.packets.RequiredFields;
import io.arbiter.packets.model.PacketContext;
import io.arbiter.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Packets on the case page, and their download over the cookie session: the same generation code as
 * GET /api/v1/cases/{id}/packets/{TYPE}.pdf, with the same access rule (attorneys only reach shared cases; 404 otherwise).
 */
@Controller("/ui/cases")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CasePacketsPage implements CasePage.PacketLinks {

    private final CaseService cases;
    private final DisputeCases repository;
    private final PacketContextFactory contexts;
    private final PacketService packets;
    private final AuditLog audit;
    private final io.arbiter.cases.CaseLines caseLines;

    public CasePacketsPage(CaseService cases, DisputeCases repository, PacketContextFactory contexts, PacketService packets,
                           AuditLog audit, io.arbiter.cases.CaseLines caseLines) {
        this.caseLines = caseLines;
        this.cases = cases;
        this.repository = repository;
        this.contexts = contexts;
        this.packets = packets;
        this.audit = audit;
    }

    @Override
    public List<Map<String, Object>> links(CaseView view) {
        DisputeCase dc = repository.findById(view.id()).orElseThrow(() -> ApiException.notFound("Case " + view.id()));
        PacketContext ctx = contexts.build(dc);
        // lines[i] in a packet context is the i-th case line by id (PacketContextFactory): map it back for the form anchors.
        List<Long> caseLineIds = caseLines.findByCaseIdOrderById(view.id()).stream().map(io.arbiter.cases.CaseLine::id).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (PacketType t : PacketType.values()) {
            if (!t.appliesTo(ctx.track())) {
                continue;
            }
            List<PacketValidationException.FieldError> missing = RequiredFields.check(t, ctx);
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("type", t.name());
            link.put("label", t.title());
            link.put("href", "/ui/cases/" + view.id() + "/packets/" + t.name() + ".pdf");
            link.put("ready", String.valueOf(missing.isEmpty()));
            link.put("note", missing.isEmpty()
                    ? packets.latest(view.id(), t).map(g -> "last generated " + g.generatedAt().toLocalDate() + " by " + g.generatedBy()).orElse("ready")
                    : "missing: " + missing.stream().map(PacketValidationException.FieldError::field).collect(Collectors.joining(", ")));
            link.put("missing", missing.stream().map(e -> {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("field", e.field());
                f.put("message", e.message());
                f.put("anchor", PacketDetailsForm.anchor(e.field(), caseLineIds));
                // Fields entered elsewhere than the packet-details form link to their own screen.
                f.put("href", e.field().startsWith("denial.evidence") ? "/ui/cases/" + view.id() + "/evidence"
                        : e.field().startsWith("dates.") || e.field().startsWith("money.") ? "#event-form"
                        : PacketDetailsForm.livesOnPayer(e.field()) || e.field().equals("payer.address") || e.field().equals("payer.legalEntity")
                        ? "/ui/payers" + (dc.getPayerId() == null ? "" : "#payer-" + dc.getPayerId()) : "");
                return f;
            }).toList());
            out.add(link);
        }
        return out;
    }

    @Get(value = "/{id}/packets/{file}", produces = "application/pdf")
    @Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
    public HttpResponse<?> download(HttpRequest<?> request, Authentication who, @PathVariable Long id, @PathVariable String file) {
        DisputeCase dc = cases.readable(id, who.getName(), Roles.attorneyOnly(who));
        if (!file.endsWith(".pdf")) {
            throw ApiException.notFound("Packet " + file);
        }
        PacketType type;
        try {
            type = PacketType.valueOf(file.substring(0, file.length() - 4).toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Packet " + file);
        }
        GeneratedPacket g;
        try {
            g = packets.current(id, type, contexts.build(dc), who.getName());
        } catch (PacketValidationException e) {
            return Pages.redirect("/ui/cases/" + id + "?error=" + QueuePage.enc(type.title() + " cannot be generated yet: missing "
                    + e.errors().stream().map(PacketValidationException.FieldError::field).collect(Collectors.joining(", "))));
        }
        audit.record(who, AuditAction.DOWNLOAD, "PACKET", g.id(), "case " + id + ", " + type + ", sha256 " + g.sha256() + ", browser");
        return HttpResponse.ok(g.content()).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + dc.getCaseNumber() + "-" + type.slug() + ".pdf\"")
                .header("X-Content-SHA256", g.sha256())
                .header("Cache-Control", "no-store");
    }
}
