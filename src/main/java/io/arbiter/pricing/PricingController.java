package io.arbiter.pricing;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Benchmark and fee-schedule imports (ADMIN) and read access to pricing (SPECIALIST/FINANCE/ADMIN). */
@Controller("/api/v1")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PricingController {

    private final BenchmarkImporter benchmarkImporter;
    private final RvuImporter rvuImporter;
    private final GpciImporter gpciImporter;
    private final BenchmarkStore benchmarks;
    private final FeeScheduleStore feeSchedules;
    private final PricingService pricing;
    private final AuditLog audit;

    public PricingController(BenchmarkImporter benchmarkImporter, RvuImporter rvuImporter, GpciImporter gpciImporter,
                             BenchmarkStore benchmarks, FeeScheduleStore feeSchedules, PricingService pricing, AuditLog audit) {
        this.benchmarkImporter = benchmarkImporter;
        this.rvuImporter = rvuImporter;
        this.gpciImporter = gpciImporter;
        this.benchmarks = benchmarks;
        this.feeSchedules = feeSchedules;
        this.pricing = pricing;
        this.audit = audit;
    }

    @Post(value = "/benchmarks", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.ADMIN)
    public HttpResponse<BenchmarkImporter.Result> importBenchmarks(@Part("file") CompletedFileUpload file, Authentication who) throws IOException {
        BenchmarkImporter.Result r = benchmarkImporter.importFile(file.getFilename(), file.getBytes());
        audit.record(who, AuditAction.IMPORT, "BENCHMARK_SET", null, r.sets() + ": " + r.inserted() + " new, " + r.updated() + " updated");
        return HttpResponse.status(r.inserted() + r.updated() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }

    @Get("/benchmarks")
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public List<BenchmarkStore.SetSummary> listBenchmarks() {
        return benchmarks.sets();
    }

    @Post(value = "/fee-schedules/rvu", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.ADMIN)
    public HttpResponse<FeeRelease> importRvu(@Part("file") CompletedFileUpload file, @Part("release") @Nullable String release,
                                             @Part("effectiveFrom") @Nullable String effectiveFrom,
                                             @Part("effectiveTo") @Nullable String effectiveTo, Authentication who) throws IOException {
        FeeRelease r = rvuImporter.importFile(file.getFilename(), file.getBytes(), release, date(effectiveFrom, "effectiveFrom"),
                date(effectiveTo, "effectiveTo"));
        audit.record(who, AuditAction.IMPORT, "RVU_RELEASE", r.id(), r.name() + ": " + r.rows() + " rows");
        return HttpResponse.created(r);
    }

    @Post(value = "/fee-schedules/gpci", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.ADMIN)
    public HttpResponse<FeeRelease> importGpci(@Part("file") CompletedFileUpload file, @Part("release") @Nullable String release,
                                              @Part("effectiveFrom") @Nullable String effectiveFrom,
                                              @Part("effectiveTo") @Nullable String effectiveTo, Authentication who) throws IOException {
        FeeRelease r = gpciImporter.importFile(file.getFilename(), file.getBytes(), release, date(effectiveFrom, "effectiveFrom"),
                date(effectiveTo, "effectiveTo"));
        audit.record(who, AuditAction.IMPORT, "GPCI_RELEASE", r.id(), r.name() + ": " + r.rows() + " rows");
        return HttpResponse.created(r);
    }

    @Get("/fee-schedules")
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public Map<String, List<FeeRelease>> listFeeSchedules() {
        return Map.of("rvu", feeSchedules.rvuReleases(), "gpci", feeSchedules.gpciReleases());
    }

    /** Expected amounts with explanations for a claim (extension of the contract). */
    @Get("/claims/{id}/pricing")
    @Secured({Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN})
    public ClaimPricing claimPricing(@PathVariable Long id, @QueryValue @Nullable String benchmarkSet, @QueryValue @Nullable String kind,
                                     @QueryValue @Nullable Integer percentile, Authentication who) {
        PricingBasis basis = benchmarkSet == null && kind == null && percentile == null ? null
                : pricing.ucrBasis(null, benchmarkSet, kind == null ? null : benchmarkKind(kind), percentile);
        ClaimPricing result = pricing.priceClaim(id, basis);
        audit.record(who, AuditAction.VIEW, "CLAIM", id, "pricing");
        return result;
    }

    private static LocalDate date(String text, String part) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(part + " must be a date (YYYY-MM-DD)");
        }
    }

    /** A query's benchmark kind; an unknown one is the caller's mistake (400 naming it), not a 500. */
    private static BenchmarkKind benchmarkKind(String kind) {
        try {
            return BenchmarkKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw io.arbiter.common.ApiException.badRequest("kind must be one of " + java.util.Arrays.toString(BenchmarkKind.values()));
        }
    }
}
