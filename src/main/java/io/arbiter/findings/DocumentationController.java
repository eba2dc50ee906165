package io.arbiter.findings;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.claims.Claim;
import io.arbiter.claims.Claims;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structured clinical documentation of a claim (relief after a block, SCS trial, psych evaluation), the facts
 * the scrubber rules FAC-02, FAC-03, SCS-01 and KX-01 read. Stored for the claim's patient and the claim, so
 * the patient's later claims see it too. A rescan applies it.
 */
@Controller("/api/v1/claims/{claimId}/documentation")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.SPECIALIST, Roles.ADMIN})
public class DocumentationController {

    /** The kinds the clinical_documentation table carries, and which of them need a relief percentage or a result. */
    static final Set<String> KINDS = Set.of("MBB_RELIEF", "SCS_TRIAL", "PSYCH_EVAL", "RFA_RELIEF", "THERAPEUTIC_INJECTION");
    static final Set<String> RELIEF_KINDS = Set.of("MBB_RELIEF", "SCS_TRIAL", "RFA_RELIEF");
    static final Set<String> REGIONS = Set.of("CERVICAL_THORACIC", "LUMBAR_SACRAL");
    static final Set<String> PSYCH_RESULTS = Set.of("CLEARED", "NOT_CLEARED");

    @Serdeable
    public record DocumentRequest(@Nullable String kind, @Nullable LocalDate documentDate, @Nullable String region,
                                  @Nullable Integer reliefPercent, @Nullable String result, @Nullable String note) {
    }

    @Serdeable
    public record DocumentView(Long id, @Nullable Long claimId, @Nullable Long patientId, String kind, LocalDate documentDate,
                               @Nullable String region, @Nullable Integer reliefPercent, @Nullable String result, @Nullable String note,
                               @Nullable LocalDateTime createdAt) {

        static DocumentView of(ClinicalDocument d) {
            return new DocumentView(d.id(), d.claimId(), d.patientId(), d.kind(), d.documentDate(), d.region(), d.reliefPercent(), d.result(),
                    d.note(), d.createdAt());
        }
    }

    private final Claims claims;
    private final ClinicalDocumentRepository documents;
    private final AuditLog audit;
    private final Clock clock;

    public DocumentationController(Claims claims, ClinicalDocumentRepository documents, AuditLog audit, Clock clock) {
        this.claims = claims;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    @Post
    public HttpResponse<DocumentView> create(@PathVariable Long claimId, @Body DocumentRequest body, Authentication who) {
        Claim claim = claims.findById(claimId).orElseThrow(() -> ApiException.notFound("claim " + claimId));
        List<ApiProblem.ProblemDetail> errors = validate(body);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("invalid clinical documentation", errors);
        }
        String kind = body.kind().trim().toUpperCase();
        ClinicalDocument saved = documents.save(new ClinicalDocument(null, claim.patientId(), claim.id(), kind, body.documentDate(),
                blankToNull(body.region()) == null ? null : body.region().trim().toUpperCase(), body.reliefPercent(),
                blankToNull(body.result()) == null ? null : body.result().trim().toUpperCase(), blankToNull(body.note()), null));
        audit.record(who, AuditAction.CREATE, "CLINICAL_DOCUMENTATION", saved.id(), "claim " + claimId + ": " + kind);
        return HttpResponse.<DocumentView>status(HttpStatus.CREATED).body(DocumentView.of(saved));
    }

    @Get
    public Map<String, Object> list(@PathVariable Long claimId, Authentication who) {
        Claim claim = claims.findById(claimId).orElseThrow(() -> ApiException.notFound("claim " + claimId));
        List<DocumentView> items = documents.forClaim(claim.id(), claim.patientId()).stream().map(DocumentView::of).toList();
        audit.record(who, AuditAction.VIEW, "CLINICAL_DOCUMENTATION", claimId, items.size() + " documents of claim " + claimId);
        return Map.of("items", items);
    }

    List<ApiProblem.ProblemDetail> validate(DocumentRequest b) {
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        String kind = b.kind() == null ? null : b.kind().trim().toUpperCase();
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new ApiProblem.ProblemDetail("kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList())));
        }
        if (b.documentDate() == null) {
            errors.add(new ApiProblem.ProblemDetail("documentDate", "is required (YYYY-MM-DD)"));
        } else if (b.documentDate().isAfter(LocalDate.now(clock))) {
            errors.add(new ApiProblem.ProblemDetail("documentDate", "must not be in the future"));
        }
        if (blankToNull(b.region()) != null && !REGIONS.contains(b.region().trim().toUpperCase())) {
            errors.add(new ApiProblem.ProblemDetail("region", "must be one of CERVICAL_THORACIC, LUMBAR_SACRAL"));
        }
        if (b.reliefPercent() != null && (b.reliefPercent() < 0 || b.reliefPercent() > 100)) {
            errors.add(new ApiProblem.ProblemDetail("reliefPercent", "must be between 0 and 100"));
        } else if (b.reliefPercent() == null && kind != null && RELIEF_KINDS.contains(kind)) {
            errors.add(new ApiProblem.ProblemDetail("reliefPercent", "is required for " + kind));
        }
        String result = blankToNull(b.result()) == null ? null : b.result().trim().toUpperCase();
        if ("PSYCH_EVAL".equals(kind) && (result == null || !PSYCH_RESULTS.contains(result))) {
            errors.add(new ApiProblem.ProblemDetail("result", "must be CLEARED or NOT_CLEARED for PSYCH_EVAL"));
        } else if (result != null && result.length() > 30) {
            errors.add(new ApiProblem.ProblemDetail("result", "must be at most 30 characters"));
        }
        if (b.note() != null && b.note().length() > 500) {
            errors.add(new ApiProblem.ProblemDetail("note", "must be at most 500 characters"));
        }
        return errors;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
