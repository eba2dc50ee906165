package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.common.Page;
import io.arbiter.intake.ImportFile;
import io.arbiter.intake.ImportService;
import io.arbiter.intake.ImportView;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imports: upload 835/837P/CSV, the history, one import with its located errors, and a progress
 * endpoint that the self-hosted static/import-progress.js polls while a large file runs in the background.
 */
@Controller("/ui/imports")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ImportsPage {

    private final Pages pages;
    private final ImportService service;
    private final AuditLog audit;

    public ImportsPage(Pages pages, ImportService service, AuditLog audit) {
        this.pages = pages;
        this.service = service;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> list(HttpRequest<?> request, Authentication who, @QueryValue @Nullable Integer page) {
        Page<ImportView> p = service.list(Page.request(page == null ? 0 : page, 50));
        audit.record(who, AuditAction.LIST, "IMPORT", null, "browser, page " + p.page());
        Map<String, Object> m = new HashMap<>();
        m.put("imports", p.items());
        m.put("total", p.total());
        return pages.page(request, who, "imports.ftlh", "Imports", m);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> upload(HttpRequest<?> request, Authentication who, @Part("file") @Nullable CompletedFileUpload file,
                                       @Part("format") @Nullable String format, @Part("_csrf") @Nullable String csrf) {
        pages.session().verifyCsrf(request, csrf);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return Pages.redirect("/ui/imports?error=" + QueuePage.enc("Choose a file to import."));
        }
        ImportService.Outcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = service.submit(file.getFilename(), in, ImportService.hint(format == null || format.isBlank() ? null : format),
                    false, who.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportView v = outcome.view();
        audit.record(who, AuditAction.IMPORT, "IMPORT", v.id(), (outcome.duplicate() ? "duplicate of import " : "import ")
                + v.id() + ", format " + v.format() + ", status " + v.status() + ", browser");
        String flash = outcome.duplicate() ? "This file was already imported: showing the earlier import."
                : ImportFile.RUNNING.equals(v.status()) ? "Large file: importing in the background."
                : ImportFile.REJECTED.equals(v.status()) ? "" : "Import completed.";
        return Pages.redirect("/ui/imports/" + v.id() + (flash.isEmpty() ? "" : "?flash=" + QueuePage.enc(flash)));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who, @PathVariable Long id) {
        ImportView v = service.find(id).orElseThrow(() -> ApiException.notFound("Import " + id));
        audit.record(who, AuditAction.VIEW, "IMPORT", id, "browser");
        Map<String, Object> m = new HashMap<>();
        m.put("i", v);
        m.put("percent", percent(v));
        return pages.page(request, who, "import.ftlh", "Import " + id, m);
    }

    /** The import's status and progress for the polling script (cookie session; no PHI in it). */
    @Get(value = "/{id}/progress", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> progress(@PathVariable Long id) {
        ImportView v = service.find(id).orElseThrow(() -> ApiException.notFound("Import " + id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", v.status());
        out.put("processed", v.progress().processed());
        out.put("total", v.progress().total());
        out.put("percent", percent(v));
        return out;
    }

    static int percent(ImportView v) {
        if (!ImportFile.RUNNING.equals(v.status())) {
            return 100;
        }
        long total = v.progress().total();
        return total <= 0 ? 0 : (int) Math.min(100, v.progress().processed() * 100 / total);
    }
}
