package io.arbiter.practice;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.Set;

/** Practice settings (address, Bates prefix, benchmark choice) and payer policies (bilateral format, appeal window). */
@Controller("/api/v1")
@SecurityRequirement(name = "bearer")
public class PracticeController {

    @Serdeable
    public record PracticeSettings(String name, @Nullable String addressLine, @Nullable String city, @Nullable String state,
                                   @Nullable String zip, @Nullable String phone, String batesPrefix, @Nullable String benchmarkSet,
                                   String benchmarkKind, int benchmarkPercentile) {
    }

    @Serdeable
    public record PayerPolicies(@jakarta.validation.constraints.NotNull BilateralFormat bilateralFormat, @Nullable Integer appealWindowDays) {
    }

    private final PracticeRepository practices;
    private final PayerRepository payers;
    private final AuditLog audit;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public PracticeController(PracticeRepository practices, PayerRepository payers, AuditLog audit, io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.practices = practices;
        this.payers = payers;
        this.audit = audit;
    }

    @Get("/practices")
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public List<Practice> practices(Authentication who) {
        io.arbiter.security.PracticeAccess access = practiceScopes.of(who);
        List<Practice> out = new java.util.ArrayList<>();
        practices.findAll().forEach(p -> {
            if (access.allows(p.id())) {
                out.add(p);
            }
        });
        return out;
    }

    @Put("/practices/{id}")
    @Secured(Roles.ADMIN)
    public Practice update(@PathVariable Long id, @Body PracticeSettings s, Authentication who) {
        Practice p = practices.findById(id).orElseThrow(() -> ApiException.notFound("Practice " + id));
        if (s.batesPrefix() == null || !s.batesPrefix().matches("[A-Z0-9]{2,12}")) {
            throw ApiException.badRequest("batesPrefix must be 2–12 capital letters or digits");
        }
        if (!Set.of("BILLED", "ALLOWED").contains(s.benchmarkKind()) || s.benchmarkPercentile() < 1 || s.benchmarkPercentile() > 99) {
            throw ApiException.badRequest("benchmarkKind must be BILLED or ALLOWED and benchmarkPercentile 1–99");
        }
        Practice updated = practices.update(new Practice(p.id(), s.name() == null || s.name().isBlank() ? p.name() : s.name(), p.tin(),
                p.billingNpi(), s.addressLine(), s.city(), s.state(), s.zip(), s.phone(), s.batesPrefix(), s.benchmarkSet(),
                s.benchmarkKind(), s.benchmarkPercentile(), p.version(), p.createdAt(), p.updatedAt()));
        audit.record(who, AuditAction.CHANGE, "PRACTICE", id, "settings");
        return updated;
    }

    @Get("/payers")
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public List<Payer> payers() {
        return payers.listOrderByName();
    }

    @Put("/payers/{id}/policies")
    @Secured(Roles.ADMIN)
    public Payer policies(@PathVariable Long id, @jakarta.validation.Valid @Body PayerPolicies body, Authentication who) {
        Payer p = payers.findById(id).orElseThrow(() -> ApiException.notFound("Payer " + id));
        if (body.appealWindowDays() != null && (body.appealWindowDays() < 1 || body.appealWindowDays() > 730)) {
            throw ApiException.badRequest("appealWindowDays must be between 1 and 730");
        }
        Payer updated = payers.update(p.withPolicies(body.bilateralFormat(), body.appealWindowDays()));
        audit.record(who, AuditAction.CHANGE, "PAYER", id, "policies");
        return updated;
    }
}
