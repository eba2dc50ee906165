package io.arbiter.intake;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.common.Page;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Imports of X12 835/837P and CSV exports (api-contract.md "Imports"). */
@Controller("/api/v1/imports")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImportController {

    private final ImportService service;
    private final AuditLog audit;

    public ImportController(ImportService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    /**
     * 201 with the Import; 200 with the existing Import and duplicate=true for bytes already imported;
     * 422 with the REJECTED Import and its located errors; 202 RUNNING for large files (poll GET).
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<ImportView> upload(@Part("file") CompletedFileUpload file, @Part("format") @Nullable String format,
                                           @QueryValue(defaultValue = "false") boolean wait, Authentication who) {
        ImportService.Hint hint = ImportService.hint(format);
        ImportService.Outcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = service.submit(file.getFilename(), in, hint, wait, who.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportView v = outcome.view();
        audit.record(who, AuditAction.IMPORT, "IMPORT", v.id(), (outcome.duplicate() ? "duplicate of import " : "import ")
                + v.id() + ", format " + v.format() + ", status " + v.status() + ", " + v.claims() + " claims");
        HttpStatus status = outcome.duplicate() ? HttpStatus.OK
                : ImportFile.REJECTED.equals(v.status()) ? HttpStatus.UNPROCESSABLE_ENTITY
                : ImportFile.RUNNING.equals(v.status()) ? HttpStatus.ACCEPTED
                : HttpStatus.CREATED;
        return HttpResponse.<ImportView>status(status).body(v);
    }

    @Get("/{id}")
    public ImportView get(@PathVariable Long id, Authentication who) {
        ImportView v = service.find(id).orElseThrow(() -> ApiException.notFound("Import " + id));
        audit.record(who, AuditAction.VIEW, "IMPORT", id, null);
        return v;
    }

    @Get
    public Page<ImportView> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size, Authentication who) {
        Page<ImportView> p = service.list(Page.request(page, size));
        audit.record(who, AuditAction.LIST, "IMPORT", null, "page " + p.page() + ", " + p.items().size() + " imports");
        return p;
    }
}
