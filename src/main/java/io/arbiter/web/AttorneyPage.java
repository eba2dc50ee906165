package io.arbiter.web;

import io.arbiter.cases.CaseReader;
import io.arbiter.cases.CaseService;
import io.arbiter.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/** The attorney's packet room: only the cases shared with them. */
@Controller("/ui/attorney")
@Secured(Roles.ATTORNEY)
@Hidden
public class AttorneyPage {

    private final Pages pages;
    private final CaseReader cases;
    private final CaseService service;

    public AttorneyPage(Pages pages, CaseReader cases, CaseService service) {
        this.pages = pages;
        this.cases = cases;
        this.service = service;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> shared(HttpRequest<?> request, Authentication who) {
        var result = cases.queue(null, null, null, null, who.getName(), pages.practices(who), service.today(), 0, 200);
        return pages.page(request, who, "attorney.ftlh", "Shared cases", Map.of("cases", result.items()));
    }
}
