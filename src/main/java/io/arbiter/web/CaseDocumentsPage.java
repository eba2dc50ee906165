package io.arbiter.web;

import io.arbiter.common.ContentDisposition;
import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.cases.CaseDocument;
import io.arbiter.cases.CaseDocuments;
import io.arbiter.cases.CaseService;
import io.arbiter.common.ApiException;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;

/** Case documents over the cookie session: the same store and access rule as /api/v1/cases/{id}/documents. */
@Controller("/ui/cases")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class CaseDocumentsPage {

    private final Pages pages;
    private final CaseService cases;
    private final CaseDocuments documents;
    private final AuditLog audit;

    public CaseDocumentsPage(Pages pages, CaseService cases, CaseDocuments documents, AuditLog audit) {
        this.pages = pages;
        this.cases = cases;
        this.documents = documents;
        this.audit = audit;
    }

    @Post(value = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public HttpResponse<String> upload(HttpRequest<?> request, Authentication who, @PathVariable Long id,
                                       @Part("file") @Nullable CompletedFileUpload file, @Part("kind") @Nullable String kind,
                                       @Part("title") @Nullable String title, @Part("_csrf") @Nullable String csrf) throws IOException {
        pages.session().verifyCsrf(request, csrf);
        cases.readable(id, who.getName(), false);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return Pages.redirect("/ui/cases/" + id + "?error=" + QueuePage.enc("Choose a file to attach."));
        }
        try {
            CaseDocument d = documents.store(id, null, kind, title, file.getFilename(),
                    file.getContentType().map(MediaType::toString).orElse("application/octet-stream"), file.getBytes(), who.getName());
            audit.record(who, AuditAction.CREATE, "CASE_DOCUMENT", d.id(), "case " + id + ", browser");
        } catch (ApiException e) {
            return Pages.redirect("/ui/cases/" + id + "?error=" + QueuePage.enc(WebErrors.describe(e)));
        }
        return Pages.redirect("/ui/cases/" + id + "?flash=" + QueuePage.enc("Document attached."));
    }

    @Get("/{id}/documents/{documentId}")
    @Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
    public HttpResponse<byte[]> download(Authentication who, @PathVariable Long id, @PathVariable Long documentId) {
        cases.readable(id, who.getName(), Roles.attorneyOnly(who));
        CaseDocument d = documents.find(id, documentId).orElseThrow(() -> ApiException.notFound("Document " + documentId));
        audit.record(who, AuditAction.DOWNLOAD, "CASE_DOCUMENT", documentId, "case " + id + ", browser");
        return HttpResponse.ok(d.content()).contentType(d.contentType())
                .header("Content-Disposition", ContentDisposition.attachment(d.fileName()))
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    }
}
