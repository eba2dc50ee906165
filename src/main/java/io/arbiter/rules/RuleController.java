package io.arbiter.rules;

import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** GET /api/v1/rules?prefix=FEDERAL_IDR. — the loaded rule data with citations (reference data, all roles). */
@Controller("/api/v1/rules")
@Secured({Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
public class RuleController {

    private final RuleSet rules;

    public RuleController(RuleSet rules) {
        this.rules = rules;
    }

    @Serdeable
    public record RuleView(String key, String variant, RuleKind kind, String version, LocalDate effectiveFrom,
                           @Nullable LocalDate effectiveTo, KeysOn keysOn, String citation, String citationText,
                           boolean unverified, @Nullable String note, Map<String, String> params) {
    }

    @Get
    public List<RuleView> list(@QueryValue @Nullable String prefix) {
        return rules.all().stream().filter(e -> prefix == null || e.key().startsWith(prefix)).map(e -> {
            return new RuleView(e.key(), e.variant(), e.kind(), e.version(), e.effectiveFrom(), e.effectiveTo(), e.keysOn(),
                    e.citationUrl(), e.citationText(), e.unverified(), e.note(), e.terms().describe());
        }).toList();
    }
}
