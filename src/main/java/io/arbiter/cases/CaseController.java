package io.arbiter.cases;

import io.arbiter.common.ContentDisposition;
import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.common.Page;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Controller("/api/v1/cases")
@SecurityRequirement(name = "bearer")
public class CaseController {

    private final CaseService service;
    private final CaseReader reader;
    private final CaseDocuments documents;
    private final OverdueMonitor overdue;
    private final AuditLog audit;
    private final CaseTerms caseTerms;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public CaseController(CaseService service, CaseReader reader, CaseDocuments documents, OverdueMonitor overdue, AuditLog audit,
                          CaseTerms caseTerms, io.arbiter.security.PracticeScopes practiceScopes) {
        this.caseTerms = caseTerms;
        this.practiceScopes = practiceScopes;
        this.service = service;
        this.reader = reader;
        this.documents = documents;
        this.overdue = overdue;
        this.audit = audit;
    }

    @Post
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public HttpResponse<CaseView> create(@jakarta.validation.Valid @Body CaseRequests.Create body, Authentication who) {
        DisputeCase dc = service.open(body, who.getName(), practiceScopes.of(who));
        return HttpResponse.created(reader.view(dc));
    }

    /**
     * The work queue, next deadline first: {@code {"items","page","size","total","next"}}. By page number as the contract
     * says ({@code page}, {@code size}), or — an extension for deep pages — from {@code after}, the {@code next} cursor
     * of the page before, with no offset, so page 1,000 costs what page 1 does. {@code next} is null on the last page.
     * A total of {@code arbiter.queue.total-cache-from} (1,000) or more may be up to
     * {@code arbiter.queue.total-cache-seconds} old.
     */
    @Get
    @Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
    public CaseReader.QueuePage list(@QueryValue @Nullable String stage, @QueryValue @Nullable String assignee,
                                     @QueryValue @Nullable LocalDate dueBefore, @QueryValue @Nullable String track,
                                     @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size,
                                     @QueryValue @Nullable String after, Authentication who) {
        var pageable = Page.request(page, size);
        if (after != null && pageable.getNumber() > 0) {
            throw ApiException.badRequest("page and after cannot be combined: after already says where the page starts");
        }
        CaseReader.QueuePage result = reader.queuePage(new CaseReader.QueueFilter(stage, assignee, dueBefore, track,
                        Roles.attorneyOnly(who) ? who.getName() : null, null, null), practiceScopes.of(who), service.today(),
                pageable.getNumber(), pageable.getSize(), after == null || after.isBlank() ? null : after);
        audit.record(who, AuditAction.LIST, "CASE", null, result.items().size() + " cases");
        return result;
    }

    @Get("/{id}")
    @Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
    public CaseView get(@PathVariable Long id, Authentication who) {
        DisputeCase dc = service.readable(id, who.getName(), Roles.attorneyOnly(who));
        audit.record(who, AuditAction.VIEW, "CASE", id, null);
        return reader.view(dc);
    }

    /**
     * One line's terms. Amounts may be sent as JSON numbers or strings: both are read as written (never through a
     * double) by the same validation as the packet-details screen, so "abc" is a 422 naming the field like -1 is.
     */
    @Serdeable
    public record TermsRequest(@Nullable @jakarta.validation.constraints.Size(max = 40) String qpa,
                               @Nullable @jakarta.validation.constraints.Size(max = 40) String offer,
                               @Nullable @jakarta.validation.constraints.Size(max = 40) String mar,
                               @Nullable @jakarta.validation.constraints.Size(max = 2000) String marComputation,
                               @Nullable @jakarta.validation.constraints.Size(max = 40) String amountInDispute,
                               @Nullable @jakarta.validation.constraints.Size(max = 10) String units,
                               @Nullable @jakarta.validation.constraints.Size(max = 500) String description) {
        java.util.Map<String, String> asText() {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("qpa", qpa == null ? "" : qpa);
            m.put("offer", offer == null ? "" : offer);
            m.put("mar", mar == null ? "" : mar);
            m.put("marComputation", marComputation == null ? "" : marComputation);
            m.put("amountInDispute", amountInDispute == null ? "" : amountInDispute);
            m.put("units", units == null ? "" : units);
            m.put("description", description == null ? "" : description);
            return m;
        }
    }

    @Get("/{id}/lines/{lineId}/terms")
    @Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
    public LineTerms terms(@PathVariable Long id, @PathVariable Long lineId, Authentication who) {
        service.readable(id, who.getName(), Roles.attorneyOnly(who));
        audit.record(who, AuditAction.VIEW, "CASE", id, "line " + lineId + " terms");
        return caseTerms.read(id, lineId);
    }

    /** Replaces the line's terms: amounts with at most two decimals, never negative; a bad one answers 422 naming it. */
    @Put("/{id}/lines/{lineId}/terms")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public LineTerms setTerms(@PathVariable Long id, @PathVariable Long lineId, @jakarta.validation.Valid @Body TermsRequest body, Authentication who) {
        service.readable(id, who.getName(), false);
        return caseTerms.replace(id, lineId, body.asText(), who.getName());
    }

    @Post("/{id}/events")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public CaseView event(@PathVariable Long id, @jakarta.validation.Valid @Body CaseRequests.Event body, Authentication who) {
        return reader.view(service.record(id, body, who.getName()));
    }

    @Post("/{id}/shares")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public CaseView share(@PathVariable Long id, @jakarta.validation.Valid @Body CaseRequests.Share body, Authentication who) {
        service.share(id, body.username(), who.getName());
        return reader.view(service.readable(id, who.getName(), false));
    }

    @io.micronaut.http.annotation.Delete("/{id}/shares/{username}")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public CaseView unshare(@PathVariable Long id, @PathVariable String username, Authentication who) {
        service.unshare(id, username, who.getName());
        return reader.view(service.readable(id, who.getName(), false));
    }

    @Post("/assign")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public Map<String, Object> assign(@jakarta.validation.Valid @Body CaseRequests.Assign body, Authentication who) {
        List<DisputeCase> changed = service.assign(body, who.getName());
        return Map.of("assigned", changed.size(), "assignee", body.assignee());
    }

    @Post(value = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public HttpResponse<CaseView.Document> upload(@PathVariable Long id, CompletedFileUpload file, @Nullable String kind,
                                                  @Nullable String title, @Nullable Long eventId, Authentication who) throws IOException {
        service.readable(id, who.getName(), false);
        CaseDocument d = documents.store(id, eventId, kind, title, file.getFilename(),
                file.getContentType().map(MediaType::toString).orElse("application/octet-stream"), file.getBytes(), who.getName());
        return HttpResponse.created(new CaseView.Document(d.id(), d.kind(), d.title(), d.fileName(), d.contentType(), d.sha256(),
                d.sizeBytes(), d.eventId(), d.uploadedBy()));
    }

    @Get("/{id}/documents/{documentId}")
    @Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
    public HttpResponse<byte[]> download(@PathVariable Long id, @PathVariable Long documentId, Authentication who) {
        service.readable(id, who.getName(), Roles.attorneyOnly(who));
        CaseDocument d = documents.find(id, documentId).orElseThrow(() -> ApiException.notFound("Document " + documentId));
        audit.record(who, AuditAction.DOWNLOAD, "CASE_DOCUMENT", documentId, "case " + id);
        return HttpResponse.ok(d.content()).contentType(d.contentType())
                .header("Content-Disposition", ContentDisposition.attachment(d.fileName()));
    }

    /** Runs the overdue check now (it also runs daily). */
    @Post("/overdue-check")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public OverdueMonitor.Result overdueCheck() {
        return overdue.run();
    }
}
