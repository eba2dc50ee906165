package io.arbiter.findings;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.common.Page;
import io.arbiter.pricing.BenchmarkKind;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.Arrays;
import java.util.Map;

@Controller("/api/v1/findings")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FindingController {

    private final FindingsScanner scanner;
    private final FindingRepository findings;
    private final AuditLog audit;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public FindingController(FindingsScanner scanner, FindingRepository findings, AuditLog audit,
                             io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.scanner = scanner;
        this.findings = findings;
        this.audit = audit;
    }

    @Post("/scan")
    @Secured({Roles.SPECIALIST, Roles.ADMIN})
    public Map<String, Object> scan(@jakarta.validation.Valid @Body @Nullable FindingsScanner.ScanRequest request, Authentication who) {
        if (request != null) {
            if (request.kind() != null && !"QPA".equalsIgnoreCase(request.kind())
                    && Arrays.stream(BenchmarkKind.values()).noneMatch(k -> k.name().equalsIgnoreCase(request.kind()))) {
                throw ApiException.badRequest("kind must be BILLED, ALLOWED or QPA");
            }
            if (request.basis() != null && !"QPA".equalsIgnoreCase(request.basis()) && !"BENCHMARK".equalsIgnoreCase(request.basis())) {
                throw ApiException.badRequest("basis must be QPA or BENCHMARK");
            }
            if (request.percentile() != null && (request.percentile() < 1 || request.percentile() > 99)) {
                throw ApiException.badRequest("percentile must be between 1 and 99");
            }
        }
        FindingsScanner.ScanResult r = scanner.scan(request);
        audit.record(who, AuditAction.CHANGE, "FINDING", null, "scan of " + r.scanned() + " claims: " + r.findings() + " findings");
        return Map.of("scanned", r.scanned(), "findings", r.findings(), "lines", r.lines(), "byType", r.byType());
    }

    @Get
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public Page<FindingView> list(@QueryValue @Nullable String type, @QueryValue @Nullable Long claimId, @QueryValue @Nullable Integer page,
                                  @QueryValue @Nullable Integer size, Authentication who) {
        if (type != null && Arrays.stream(FindingType.values()).noneMatch(t -> t.name().equals(type))) {
            throw ApiException.badRequest("type must be one of " + Arrays.toString(FindingType.values()));
        }
        io.arbiter.security.PracticeAccess scope = practiceScopes.of(who);
        Page<FindingView> result = Page.of(findings.search(type, claimId, scope.all(), scope.idsForQuery(), Page.request(page, size)), FindingView::of);
        audit.record(who, AuditAction.LIST, "FINDING", claimId, "page " + result.page() + ", " + result.items().size() + " findings");
        return result;
    }
}
