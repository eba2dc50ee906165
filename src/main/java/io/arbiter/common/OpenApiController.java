package io.arbiter.common;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;

/** Serves the generated OpenAPI document at the contract's address, /openapi.yml. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class OpenApiController {

    @Get(value = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<String> openApi() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/arbiter.yml")) {
            if (in == null) {
                return HttpResponse.notFound();
            }
            return HttpResponse.ok(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contentType(MediaType.of("application/yaml"));
        }
    }
}
