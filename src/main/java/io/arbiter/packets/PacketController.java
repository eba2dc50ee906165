package io.arbiter.packets;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Practices;
import io.arbiter.cases.CaseLines;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.DisputeCase;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.packets.model.PacketContext;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Case packets: what a case can generate, the PDFs themselves, and the facts packets need. */
@Controller("/api/v1")
@SecurityRequirement(name = "bearer")
public class PacketController {

    @Serdeable
    public record PacketInfo(String type, String title, String href, boolean ready,
                             List<PacketValidationException.FieldError> missing,
                             @Nullable Latest latest) {
    }

    @Serdeable
    public record Latest(String sha256, String templateVersion, int pageCount, LocalDateTime generatedAt, String generatedBy) {
    }

    @Serdeable
    public record DetailValues(@jakarta.validation.constraints.NotNull Map<String, String> values) {
    }

    private final CaseService cases;
    private final CaseLines caseLines;
    private final PacketContextFactory contexts;
    private final PacketService packets;
    private final PacketDetails details;
    private final AuditLog audit;
    private final Practices practices;
    private final Payers payers;
    private final io.arbiter.cases.CaseTerms caseTerms;

    public PacketController(CaseService cases, CaseLines caseLines, PacketContextFactory contexts, PacketService packets,
                            PacketDetails details, AuditLog audit, Practices practices, Payers payers,
                            io.arbiter.cases.CaseTerms caseTerms) {
        this.caseTerms = caseTerms;
        this.practices = practices;
        this.payers = payers;
        this.cases = cases;
        this.caseLines = caseLines;
        this.contexts = contexts;
        this.packets = packets;
        this.details = details;
        this.audit = audit;
    }

    @Get("/cases/{id}/packets")
    @Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
    public List<PacketInfo> list(@PathVariable Long id, Authentication who) {
        DisputeCase dc = cases.readable(id, who.getName(), Roles.attorneyOnly(who));
        PacketContext ctx = contexts.build(dc);
        audit.record(who, AuditAction.VIEW, "CASE", id, "packet list");
        return Arrays.stream(PacketType.values()).filter(t -> t.appliesTo(ctx.track())).map(t -> {
            List<PacketValidationException.FieldError> missing = RequiredFields.check(t, ctx);
            Latest latest = packets.latest(id, t).map(g -> new Latest(g.sha256(), g.templateVersion(), g.pageCount(),
                    g.generatedAt(), g.generatedBy())).orElse(null);
            return new PacketInfo(t.name(), t.title(), "/api/v1/cases/" + id + "/packets/" + t.name() + ".pdf",
                    missing.isEmpty(), missing, latest);
        }).toList();
    }

    /** Generates the packet from the case as it stands, stores it with its hash, and returns the PDF. */
    @Get(value = "/cases/{id}/packets/{file}", produces = "application/pdf")
    @Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
    public HttpResponse<byte[]> download(@PathVariable Long id, @PathVariable String file, Authentication who) {
        DisputeCase dc = cases.readable(id, who.getName(), Roles.attorneyOnly(who));
        if (!file.endsWith(".pdf")) {
            throw ApiException.notFound("Packet " + file);
        }
        String name = file.substring(0, file.length() - 4).toUpperCase().replace('-', '_');
        PacketType type;
        try {
            type = PacketType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Packet type " + name);
        }
        GeneratedPacket g;
        try {
            g = packets.current(id, type, contexts.build(dc), who.getName());
        } catch (PacketValidationException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Entity",
                    type.title() + " cannot be generated yet: " + e.errors().size() + " required field(s) missing",
                    e.errors().stream().map(f -> new ApiProblem.ProblemDetail(f.field(), f.message())).toList());
        }
        audit.record(who, AuditAction.DOWNLOAD, "PACKET", g.id(), "case " + id + ", " + type + ", sha256 " + g.sha256());
        return HttpResponse.ok(g.content()).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + dc.getCaseNumber() + "-" + type.slug() + ".pdf\"")
                .header("X-Content-SHA256", g.sha256());
    }

    @Put("/cases/{id}/packet-details")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public Map<String, String> caseDetails(@PathVariable Long id, @jakarta.validation.Valid @Body DetailValues body, Authentication who) {
        DisputeCase dc = cases.readable(id, who.getName(), false);
        details.save(PacketDetail.Scope.CASE, id, body.values(), who.getName());
        audit.record(who, AuditAction.CHANGE, "CASE", id, "packet details " + body.values().keySet());
        return details.forCase(dc.getPracticeId(), dc.getPayerId(), id);
    }

    @Put("/cases/{id}/lines/{lineId}/packet-details")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public Map<String, String> lineDetails(@PathVariable Long id, @PathVariable Long lineId, @jakarta.validation.Valid @Body DetailValues body, Authentication who) {
        cases.readable(id, who.getName(), false);
        // Kept for integrations: the same validated command as PUT .../terms (a QPA of "abc" is a 422 naming values.qpa).
        return caseTerms.change(id, lineId, body.values(), "values.", who.getName()).asText();
    }

    @Put("/practices/{id}/packet-details")
    @Secured(Roles.ADMIN)
    public Map<String, String> practiceDetails(@PathVariable Long id, @jakarta.validation.Valid @Body DetailValues body, Authentication who) {
        if (!practices.existsById(id)) {
            throw ApiException.notFound("Practice " + id);
        }
        details.save(PacketDetail.Scope.PRACTICE, id, body.values(), who.getName());
        audit.record(who, AuditAction.CHANGE, "PRACTICE", id, "packet details " + new java.util.TreeSet<>(body.values().keySet()));
        return body.values();
    }

    @Put("/payers/{id}/packet-details")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public Map<String, String> payerDetails(@PathVariable Long id, @jakarta.validation.Valid @Body DetailValues body, Authentication who) {
        if (!payers.existsById(id)) {
            throw ApiException.notFound("Payer " + id);
        }
        details.save(PacketDetail.Scope.PAYER, id, body.values(), who.getName());
        audit.record(who, AuditAction.CHANGE, "PAYER", id, "packet details " + new java.util.TreeSet<>(body.values().keySet()));
        return body.values();
    }
}
