package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Practice;
import io.arbiter.pricing.BenchmarkImporter;
import io.arbiter.pricing.BenchmarkStore;
import io.arbiter.pricing.FeeRelease;
import io.arbiter.pricing.FeeScheduleStore;
import io.arbiter.pricing.GpciImporter;
import io.arbiter.pricing.RvuImporter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import io.arbiter.practice.Practices;
import io.arbiter.security.AppUser;
import io.arbiter.security.Users;
import io.arbiter.security.PasswordHasher;
import io.arbiter.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Administration: users, their roles and practices, practice settings (Bates prefix, default benchmark), payer
 * policies, benchmark and fee-schedule loads (each user's calendar feed is on /ui/calendar). Same repositories and
 * rules as POST /api/v1/users.
 */
@Controller("/ui/admin")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class AdminPage {

    private final Pages pages;
    private final Users users;
    private final PasswordHasher hasher;
    /** Field-injected to leave the constructor as it is. */
    @jakarta.inject.Inject
    io.arbiter.security.PasswordPolicy passwordPolicy;
    private final Practices practices;
    private final AuditLog audit;
    private final Payers payers;
    private final BenchmarkImporter benchmarkImporter;
    private final RvuImporter rvuImporter;
    private final GpciImporter gpciImporter;
    private final BenchmarkStore benchmarks;
    private final FeeScheduleStore feeSchedules;

    public AdminPage(Pages pages, Users users, PasswordHasher hasher, Practices practices,
                     AuditLog audit, Payers payers, BenchmarkImporter benchmarkImporter, RvuImporter rvuImporter,
                     GpciImporter gpciImporter, BenchmarkStore benchmarks, FeeScheduleStore feeSchedules) {
        this.payers = payers;
        this.benchmarkImporter = benchmarkImporter;
        this.rvuImporter = rvuImporter;
        this.gpciImporter = gpciImporter;
        this.benchmarks = benchmarks;
        this.feeSchedules = feeSchedules;
        this.pages = pages;
        this.users = users;
        this.hasher = hasher;
        this.practices = practices;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> show(HttpRequest<?> request, Authentication who) {
        return render(request, who, new HashMap<>());
    }

    private HttpResponse<String> render(HttpRequest<?> request, Authentication who, Map<String, Object> m) {
        Map<Long, String> practiceNames = new java.util.TreeMap<>();
        practices.findAll().forEach(p -> practiceNames.put(p.id(), p.name()));
        Map<Long, List<Long>> assigned = users.practiceIdsByUser();
        m.put("users", users.listOrderByUsername().stream().map(u -> Map.of("username", u.username(),
                "name", u.displayName() == null ? "" : u.displayName(), "roles", String.join(", ", u.roleList()),
                "enabled", u.enabled(), "practices", u.allPractices() ? "All practices"
                        : String.join(", ", assigned.getOrDefault(u.id(), List.of()).stream().map(id -> practiceNames.getOrDefault(id, "#" + id)).toList())))
                .toList());
        m.put("practiceChoices", practiceNames.entrySet().stream().map(e -> Map.of("id", e.getKey().toString(), "name", e.getValue())).toList());
        m.put("roles", List.of(Roles.SPECIALIST, Roles.ATTORNEY, Roles.FINANCE, Roles.ADMIN));
        practices.findFirstOrderById().ifPresent(p -> m.put("practice", p));
        m.put("kinds", List.of("BILLED", "ALLOWED"));
        m.put("payers", payers.byName().stream().map(p -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", p.id());
            row.put("name", p.name());
            row.put("code", p.payerCode());
            row.put("format", p.bilateralFormat().name());
            row.put("appealWindowDays", p.appealWindowDays() == null ? "" : String.valueOf(p.appealWindowDays()));
            return row;
        }).toList());
        m.put("bilateralFormats", java.util.Arrays.stream(BilateralFormat.values()).map(Enum::name).toList());
        m.put("benchmarkSets", benchmarks.sets());
        m.put("rvuReleases", feeSchedules.rvuReleases());
        m.put("gpciReleases", feeSchedules.gpciReleases());
        return pages.page(request, who, "admin.ftlh", "Admin", m);
    }

    /**
     * Benchmark (UCR) and Medicare fee-schedule (RVU, GPCI) files: the importers POST /api/v1/benchmarks and
     * /api/v1/fee-schedules/{rvu,gpci} call. A file with any bad row is rejected whole and the page lists each
     * error with its line and column, as the importer reports it.
     */
    @Post(value = "/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> importFile(HttpRequest<?> request, Authentication who, @PathVariable String kind,
                                           @Part("file") @Nullable CompletedFileUpload file, @Part("release") @Nullable String release,
                                           @Part("effectiveFrom") @Nullable String effectiveFrom,
                                           @Part("effectiveTo") @Nullable String effectiveTo,
                                           @Part("_csrf") @Nullable String csrf) throws IOException {
        pages.session().verifyCsrf(request, csrf);
        if (!List.of("benchmarks", "rvu", "gpci").contains(kind)) {
            throw ApiException.notFound("Import " + kind);
        }
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return Pages.redirect("/ui/admin?error=" + QueuePage.enc("Choose a file to import."));
        }
        String flash;
        try {
            switch (kind) {
                case "benchmarks" -> {
                    BenchmarkImporter.Result r = benchmarkImporter.importFile(file.getFilename(), file.getBytes());
                    audit.record(who, AuditAction.IMPORT, "BENCHMARK_SET", null,
                            r.sets() + ": " + r.inserted() + " new, " + r.updated() + " updated, browser");
                    flash = "Benchmarks " + String.join(", ", r.sets()) + ": " + r.rows() + " rows (" + r.inserted() + " new, "
                            + r.updated() + " updated, " + r.unchanged() + " unchanged).";
                }
                case "rvu" -> {
                    FeeRelease r = rvuImporter.importFile(file.getFilename(), file.getBytes(), blank(release),
                            date(effectiveFrom, "Effective from"), date(effectiveTo, "Effective to"));
                    audit.record(who, AuditAction.IMPORT, "RVU_RELEASE", r.id(), r.name() + ": " + r.rows() + " rows, browser");
                    flash = "RVU release " + r.name() + ": " + r.rows() + " rows.";
                }
                default -> {
                    FeeRelease r = gpciImporter.importFile(file.getFilename(), file.getBytes(), blank(release),
                            date(effectiveFrom, "Effective from"), date(effectiveTo, "Effective to"));
                    audit.record(who, AuditAction.IMPORT, "GPCI_RELEASE", r.id(), r.name() + ": " + r.rows() + " rows, browser");
                    flash = "GPCI release " + r.name() + ": " + r.rows() + " rows.";
                }
            }
        } catch (ApiException e) {
            Map<String, Object> m = new HashMap<>();
            m.put("error", e.getMessage());
            m.put("importKind", kind);
            m.put("importFile", file.getFilename());
            m.put("importErrors", e.errors() == null ? List.of() : e.errors().stream()
                    .map(d -> Map.of("location", d.location() == null ? "" : d.location(), "message", d.message())).toList());
            // 422 with the page itself (HTML, so WebErrorPages leaves it alone): the admin sees every line to fix.
            return ((io.micronaut.http.MutableHttpResponse<String>) render(request, who, m)).status(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return Pages.redirect("/ui/admin?flash=" + QueuePage.enc(flash));
    }

    /** A payer's bilateral reporting format and appeal window: the same rule and update as PUT /api/v1/payers/{id}/policies. */
    @Post(value = "/payers/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> payerPolicies(HttpRequest<?> request, Authentication who, @PathVariable Long id,
                                              @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        Payer p = payers.require(id);
        BilateralFormat format;
        Integer window = null;
        try {
            format = BilateralFormat.valueOf(form.getOrDefault("bilateralFormat", ""));
            String w = form.getOrDefault("appealWindowDays", "").trim();
            if (!w.isEmpty()) {
                window = Integer.valueOf(w);
            }
        } catch (IllegalArgumentException e) {
            return Pages.redirect("/ui/admin?error=" + QueuePage.enc("Choose a bilateral format; the appeal window is a whole number of days."));
        }
        if (window != null && (window < 1 || window > 730)) {
            return Pages.redirect("/ui/admin?error=" + QueuePage.enc("The appeal window must be between 1 and 730 days."));
        }
        payers.changePolicies(id, format, window);
        audit.record(who, AuditAction.CHANGE, "PAYER", id, "policies, browser");
        return Pages.redirect("/ui/admin?flash=" + QueuePage.enc("Policies for " + p.name() + " saved."));
    }

    private static java.time.LocalDate date(String text, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(label + " must be a date (YYYY-MM-DD)");
        }
    }

    @Post(value = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> createUser(HttpRequest<?> request, Authentication who, @Body Map<String, Object> form) {
        pages.session().verifyCsrf(request, str(form.get(WebSession.CSRF_FIELD)));
        String username = str(form.get("username")).trim();
        List<String> roles = new ArrayList<>();
        Object raw = form.get("role");
        if (raw instanceof List<?> list) {
            list.forEach(r -> roles.add(r.toString()));
        } else if (raw != null) {
            roles.add(raw.toString());
        }
        try {
            if (!username.matches("[A-Za-z0-9._@-]{3,100}")) {
                throw ApiException.badRequest("The username must be 3–100 letters, digits or . _ @ -");
            }
            if (roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
                throw ApiException.badRequest("Choose at least one role.");
            }
            if (users.findByUsername(username).isPresent()) {
                throw ApiException.conflict("A user named " + username + " exists already");
            }
            passwordPolicy.check("password", username, str(form.get("password")));
            String hash;
            try {
                hash = hasher.hash(str(form.get("password")));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            List<Long> practiceIds = new ArrayList<>();
            Object chosen = form.get("practiceId");
            for (Object id : chosen instanceof List<?> list ? list : chosen == null ? List.of() : List.of(chosen)) {
                practiceIds.add(Long.valueOf(id.toString()));
            }
            boolean all = Users.reachesAllPractices("on".equals(str(form.get("allPractices"))), practiceIds, roles);
            AppUser saved = users.save(AppUser.create(username, blank(str(form.get("displayName"))), hash, roles).withAllPractices(all));
            saved = users.assignPractices(saved, all, practiceIds);
            audit.record(who, AuditAction.CREATE, "USER", saved.id(), "roles " + saved.roleList() + ", "
                    + (all ? "all practices" : "practices " + practiceIds) + ", browser");
        } catch (ApiException e) {
            return Pages.redirect("/ui/admin?error=" + QueuePage.enc(WebErrors.describe(e)));
        }
        return Pages.redirect("/ui/admin?flash=" + QueuePage.enc("User " + username + " created."));
    }

    @Post(value = "/practice", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> practice(HttpRequest<?> request, Authentication who, @Body Map<String, String> form) {
        pages.session().verifyCsrf(request, form.get(WebSession.CSRF_FIELD));
        Practice p = practices.findFirstOrderById().orElseThrow(() -> ApiException.notFound("Practice"));
        String bates = form.getOrDefault("batesPrefix", "").trim().toUpperCase();
        int percentile;
        try {
            percentile = Integer.parseInt(form.getOrDefault("benchmarkPercentile", "80").trim());
        } catch (NumberFormatException e) {
            percentile = -1;
        }
        String kind = form.getOrDefault("benchmarkKind", "BILLED");
        if (!bates.matches("[A-Z0-9-]{2,20}") || percentile < 1 || percentile > 99 || !List.of("BILLED", "ALLOWED").contains(kind)) {
            return Pages.redirect("/ui/admin?error=" + QueuePage.enc(
                    "Bates prefix: 2–20 letters, digits or dashes; percentile 1–99; kind BILLED or ALLOWED."));
        }
        practices.update(p.withPreferences(bates, blank(form.get("benchmarkSet")), kind, percentile));
        audit.record(who, AuditAction.CHANGE, "PRACTICE", p.id(), "settings, browser");
        return Pages.redirect("/ui/admin?flash=" + QueuePage.enc("Practice settings saved."));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
