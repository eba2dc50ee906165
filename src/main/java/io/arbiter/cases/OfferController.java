package io.arbiter.cases;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Offer suggestions, batch proposals and the CMS IDR public use file import. */
@Controller("/api/v1")
@SecurityRequirement(name = "bearer")
public class OfferController {

    private final CaseService service;
    private final OfferSuggester suggester;
    private final BatchProposer proposer;
    private final IdrPufImporter puf;
    private final AuditLog audit;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public OfferController(CaseService service, OfferSuggester suggester, BatchProposer proposer, IdrPufImporter puf, AuditLog audit, io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.audit = audit;
        this.service = service;
        this.suggester = suggester;
        this.proposer = proposer;
        this.puf = puf;
    }

    @Get("/cases/{id}/offer-suggestion")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public OfferSuggester.Suggestions suggestion(@PathVariable Long id, @QueryValue @Nullable Integer percentile, Authentication who) {
        OfferSuggester.Suggestions suggestions = suggester.suggest(service.readable(id, who.getName(), false),
                percentile == null ? 50 : percentile);
        audit.record(who, AuditAction.VIEW, "CASE", id, "offer suggestion");
        return suggestions;
    }

    @Serdeable
    public record ProposalRequest(@Nullable List<Long> claimIds) {
    }

    @Post("/batches/proposals")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public BatchProposer.Proposals propose(@Body @Nullable ProposalRequest body, Authentication who) {
        BatchProposer.Proposals proposals = proposer.propose(body == null ? null : body.claimIds(), practiceScopes.of(who));
        // proposals list claims (PHI) grouped into batches: record which claims were asked about
        audit.record(who, AuditAction.LIST, "CLAIM", null, "batch proposals for "
                + (body == null || body.claimIds() == null ? "all open claims" : body.claimIds().size() + " claims"));
        return proposals;
    }

    @Post(value = "/idr-puf", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.ADMIN)
    public IdrPufImporter.Result importPuf(CompletedFileUpload file) throws IOException {
        return puf.importCsv(file.getFilename(), new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
    }
}
