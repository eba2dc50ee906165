package io.arbiter.demo;

import io.arbiter.common.DemoMode;
import io.arbiter.claims.Adjustment;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.claims.RemarkCode;
import io.arbiter.claims.Remittance;
import io.arbiter.claims.Remittances;
import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.Patient;
import io.arbiter.practice.Patients;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Plan;
import io.arbiter.practice.Plans;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practice;
import io.arbiter.practice.Practices;
import io.arbiter.practice.Provider;
import io.arbiter.practice.Providers;
import io.arbiter.practice.ProviderType;
import io.arbiter.security.AppUser;
import io.arbiter.security.Users;
import io.arbiter.security.PasswordHasher;
import io.arbiter.security.Roles;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.arbiter.cluster.ClusterLock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeds the demo users of the API contract and a fictional Houston pain practice with a few dozen
 * synthetic claims across payers, plan types and tracks. Every name, NPI and amount is made up.
 * Runs only in demo mode and only on an empty database.
 */
@Singleton
public class DemoSeeder {

    @Inject
    ClusterLock startupLock;

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final DemoMode demoMode;
    private final Users users;
    private final PasswordHasher hasher;
    private final Practices practices;
    private final Providers providers;
    private final Payers payers;
    private final Plans plans;
    private final Patients patients;
    private final Claims claims;
    private final ClaimLines lines;
    private final Remittances remittances;
    private final DemoCalendar calendar;

    public DemoSeeder(DemoMode demoMode, Users users, PasswordHasher hasher, Practices practices,
                      Providers providers, Payers payers, Plans plans,
                      Patients patients, Claims claims, ClaimLines lines,
                      Remittances remittances, DemoCalendar calendar) {
        this.demoMode = demoMode;
        this.calendar = calendar;
        this.users = users;
        this.hasher = hasher;
        this.practices = practices;
        this.providers = providers;
        this.payers = payers;
        this.plans = plans;
        this.patients = patients;
        this.claims = claims;
        this.lines = lines;
        this.remittances = remittances;
    }

    @EventListener
    @Order(10)
    void onStartup(StartupEvent event) {
        if (demoMode.enabled()) {
            // Under the start-up lock: a second instance starting at the same moment waits, then finds the users there.
            startupLock.holding(ClusterLock.STARTUP, ClusterLock.STARTUP_PATIENCE, () -> {
                if (users.count() == 0) {
                    seed();
                    LOG.info("Demo mode: seeded demo users and the demo practice");
                }
                return null;
            });
        }
    }

    @Transactional
    public void seed() {
        seedUsers();
        seedPractice();
    }

    void seedUsers() {
        users.save(AppUser.create("specialist", "Maria Alvarez (specialist)", hasher.hash("specialist-demo"), List.of(Roles.SPECIALIST)));
        users.save(AppUser.create("attorney", "Daniel Brooks, Esq.", hasher.hash("attorney-demo"), List.of(Roles.ATTORNEY)));
        users.save(AppUser.create("finance", "Priya Shah (finance)", hasher.hash("finance-demo"), List.of(Roles.FINANCE)));
        users.save(AppUser.create("admin", "Arbiter administrator", hasher.hash("admin-demo"), List.of(Roles.ADMIN)));
    }

    /** One payer/plan a scenario is billed to, and how it paid. */
    private record Scenario(Plan plan, Payer payer, String pos, String zip, String state, String facility,
                            double allowedShare, List<String> rarcs, String denialCarc, String denialRarc) {
    }

    private record Service(String code, String[] mods, int units, String charge) {
    }

    void seedPractice() {
        Practice practice = practices.save(Practice.create("LONE STAR SPINE AND PAIN PLLC", "741234567", "1234567893")
                .withAddress("100 MAIN ST", "HOUSTON", "TX", "770301234", "713-555-0100")
                .withPreferences("LSSP", "DEMO-SYNTHETIC-2026", "BILLED", 80));
        Provider smith = providers.save(Provider.create(practice.id(), "2345678900", "JOHN SMITH MD", "Pain Medicine", ProviderType.INTERVENTIONAL));
        providers.save(Provider.create(practice.id(), "3456789012", "ELENA ROSSI MD", "Anesthesiology", ProviderType.ANESTHESIA));

        Payer acme = payers.save(Payer.create("ACME HEALTH PLAN", "ACME1", "Acme Health Plan Administrators, Inc."));
        Payer blue = payers.save(Payer.create("BLUEBONNET ASSURANCE", "BLUE2", "Bluebonnet Assurance Company")
                .withPolicies(BilateralFormat.RT_LT_TWO_LINES, 180));
        Payer gulf = payers.save(Payer.create("GULF COAST BENEFITS TPA", "GULF3", "Gulf Coast Benefits Administrators LLC"));
        Payer auto = payers.save(Payer.create("LONGHORN MUTUAL AUTO", "LHAUTO", "Longhorn Mutual Casualty Co."));
        Payer wc = payers.save(Payer.create("PANHANDLE WORKERS COMP", "PANWC", "Panhandle Comp Insurance Co."));
        Payer mcr = payers.save(Payer.create("MEDICARE JH", "04412", "Novitas Solutions (Medicare JH)")
                .withPolicies(BilateralFormat.MODIFIER_50, 120));

        Plan acmePlan = plans.save(Plan.create(acme.id(), "Acme Employer PPO (self-funded)", PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK));
        Plan bluePlan = plans.save(Plan.create(blue.id(), "Bluebonnet Choice (fully insured)", PlanType.FULLY_INSURED_STATE, "TX", NetworkStatus.OUT_OF_NETWORK));
        Plan gulfPlan = plans.save(Plan.create(gulf.id(), "Gulf Coast Refinery Employees Plan", PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK));
        Plan autoPlan = plans.save(Plan.create(auto.id(), "Longhorn Personal Auto PIP", PlanType.AUTO_PIP, "TX", NetworkStatus.OUT_OF_NETWORK));
        Plan wcPlan = plans.save(Plan.create(wc.id(), "Panhandle Texas Workers' Compensation", PlanType.WORKERS_COMP, "TX", NetworkStatus.OUT_OF_NETWORK));
        Plan mcrPlan = plans.save(Plan.create(mcr.id(), "Medicare Part B", PlanType.MEDICARE, null, NetworkStatus.OUT_OF_NETWORK));

        List<Scenario> scenarios = List.of(
                new Scenario(acmePlan, acme, "24", "752041000", "TX", "LAKESIDE AMBULATORY SURGERY", 0.14, List.of("N865", "N877", "N830"), null, null),
                new Scenario(gulfPlan, gulf, "22", "770302000", "TX", "BAYOU CITY HOSPITAL OUTPATIENT", 0.16, List.of("N865", "N877", "N830"), null, null),
                new Scenario(bluePlan, blue, "24", "770251500", "TX", "MEMORIAL PAIN SURGERY CENTER", 0.22, List.of("N883", "N830"), null, null),
                new Scenario(acmePlan, acme, "11", "770301234", "TX", null, 0.21, List.of(), null, null),
                new Scenario(acmePlan, acme, "11", "770301234", "TX", null, 0.0, List.of(), "197", "N54"),
                new Scenario(bluePlan, blue, "11", "770301234", "TX", null, 0.0, List.of(), "50", "N115"),
                new Scenario(autoPlan, auto, "11", "770301234", "TX", null, 0.30, List.of(), null, null),
                new Scenario(wcPlan, wc, "11", "770301234", "TX", null, 0.27, List.of(), null, null),
                new Scenario(mcrPlan, mcr, "11", "770301234", "TX", null, 0.18, List.of(), null, null));

        List<List<Service>> visits = List.of(
                List.of(new Service("64483", new String[]{"50"}, 1, "2400.00"), new Service("64484", new String[]{"50"}, 1, "1100.00")),
                List.of(new Service("62323", new String[]{}, 1, "1800.00")),
                List.of(new Service("64493", new String[]{"RT"}, 1, "2100.00"), new Service("64494", new String[]{"RT"}, 1, "1100.00"),
                        new Service("64493", new String[]{"LT"}, 1, "2100.00"), new Service("64494", new String[]{"LT"}, 1, "1100.00")),
                List.of(new Service("64635", new String[]{"RT"}, 1, "3800.00"), new Service("64636", new String[]{"RT"}, 1, "1600.00")),
                List.of(new Service("63650", new String[]{}, 2, "19000.00")),
                List.of(new Service("62321", new String[]{}, 1, "1900.00")),
                List.of(new Service("64490", new String[]{"LT"}, 1, "2200.00"), new Service("64491", new String[]{"LT"}, 1, "1150.00")),
                List.of(new Service("62323", new String[]{}, 1, "1800.00"), new Service("77003", new String[]{}, 1, "450.00")));

        seedClaims(practice, smith, scenarios, visits, "LSDEMO", 36, calendar.shift(LocalDate.of(2026, 8, 24)), 20261126L);
        seedSecondPractice(scenarios, visits);
    }

    /**
     * A second practice the same billing team serves (issue 15: practice-scoped users). Its own specialist, finance lead
     * and attorney work for it alone; the first practice's records do not exist for them.
     */
    private void seedSecondPractice(List<Scenario> scenarios, List<List<Service>> visits) {
        Practice gulf = practices.save(Practice.create("GULF COAST INTERVENTIONAL PAIN PA", "769876543", "1987654328")
                .withAddress("2200 BAY AREA BLVD", "HOUSTON", "TX", "770581234", "281-555-0170")
                .withPreferences("GCIP", "DEMO-SYNTHETIC-2026", "BILLED", 80));
        Provider lee = providers.save(Provider.create(gulf.id(), "1598765430", "HANNAH LEE MD", "Pain Medicine", ProviderType.INTERVENTIONAL));
        seedClaims(gulf, lee, scenarios, visits, "GCDEMO", 9, calendar.shift(LocalDate.of(2026, 8, 31)), 20261204L);
        for (String[] u : new String[][]{{"gulf.specialist", "Luis Ortega (specialist, Gulf Coast)", Roles.SPECIALIST},
                {"gulf.finance", "Grace Kim (finance, Gulf Coast)", Roles.FINANCE},
                {"gulf.attorney", "Rachel Stone, Esq. (Gulf Coast)", Roles.ATTORNEY}}) {
            AppUser saved = users.save(AppUser.create(u[0], u[1], hasher.hash(u[0] + "-demo"), List.of(u[2])).withAllPractices(false));
            users.assignPractices(saved, false, List.of(gulf.id()));
        }
    }

    private void seedClaims(Practice practice, Provider provider, List<Scenario> scenarios, List<List<Service>> visits,
                            String pcnPrefix, int claimCount, LocalDate firstService, long seed) {
        String[][] names = {{"NGUYEN", "CARLOS"}, {"TRAN", "ANH"}, {"GARCIA", "ROBERT"}, {"JOHNSON", "LINDA"},
                {"PATEL", "RAVI"}, {"WILLIAMS", "DENISE"}, {"OKAFOR", "CHIDI"}, {"MARTINEZ", "SOFIA"},
                {"BROWN", "KEVIN"}, {"LEE", "GRACE"}, {"HERNANDEZ", "JOSE"}, {"DAVIS", "MONICA"}};
        Random random = new Random(seed);
        for (int i = 0; i < claimCount; i++) {
            Scenario s = scenarios.get(i % scenarios.size());
            List<Service> visit = visits.get((i * 5 + i / scenarios.size()) % visits.size());
            String[] name = names[i % names.length];
            Patient patient = patients.save(Patient.create(practice.id(), name[0], name[1],
                    LocalDate.of(1950 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    "W" + (770000000 + random.nextInt(99999999))));
            LocalDate dos = firstService.plusDays(i * 2L);
            LocalDate paid = dos.plusDays(24 + random.nextInt(14));
            saveClaim(practice, provider, s, visit, patient, String.format(pcnPrefix + "%04d", i + 1), dos, paid);
        }
    }

    private void saveClaim(Practice practice, Provider provider, Scenario s, List<Service> visit, Patient patient,
                           String pcn, LocalDate dos, LocalDate paymentDate) {
        boolean denied = s.denialCarc() != null;
        BigDecimal share = BigDecimal.valueOf(s.allowedShare());
        BigDecimal totalCharge = BigDecimal.ZERO;
        BigDecimal totalPaid = BigDecimal.ZERO;
        BigDecimal totalPr = BigDecimal.ZERO;
        List<BigDecimal[]> amounts = new ArrayList<>();
        for (Service svc : visit) {
            BigDecimal charge = new BigDecimal(svc.charge()).multiply(BigDecimal.valueOf(svc.units()));
            BigDecimal allowed = denied ? BigDecimal.ZERO.setScale(2) : charge.multiply(share).setScale(2, RoundingMode.HALF_UP);
            BigDecimal pr = allowed.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal paid = allowed.subtract(pr);
            amounts.add(new BigDecimal[]{charge, allowed, paid, pr});
            totalCharge = totalCharge.add(charge);
            totalPaid = totalPaid.add(paid);
            totalPr = totalPr.add(pr);
        }
        String status = denied ? "4" : "1";
        Claim claim = claims.save(new Claim(null, practice.id(), patient.id(), s.payer().id(), s.plan().id(), pcn,
                "ERA" + (pcn.startsWith("LS") ? "" : pcn.substring(0, 2)) + pcn.substring(6) + dos.getDayOfYear(), status, "1", dos, dos, s.pos(),
                s.facility() == null ? null : "IN_NETWORK", s.facility(), s.facility() == null ? null : "5678901237",
                s.zip(), s.state(), provider.renderingNpi(), practice.billingNpi(), "M5416,M4806", false, false,
                totalCharge, totalPaid, totalPr, null, paymentDate, "EFT" + paymentDate.toString().replace("-", ""), null,
                null, null, null));
        List<Adjustment> adjustments = new ArrayList<>();
        List<RemarkCode> remarks = new ArrayList<>();
        for (int n = 0; n < visit.size(); n++) {
            Service svc = visit.get(n);
            BigDecimal[] a = amounts.get(n);
            String[] m = svc.mods();
            ClaimLine line = lines.save(new ClaimLine(null, claim.id(), n + 1, svc.code(),
                    m.length > 0 ? m[0] : null, m.length > 1 ? m[1] : null, null, null,
                    BigDecimal.valueOf(svc.units()), a[0], a[1], a[2], dos, null, null, null));
            if (denied) {
                adjustments.add(new Adjustment(claim.id(), line.id(), null, "CO", s.denialCarc(), a[0], null));
                remarks.add(new RemarkCode(claim.id(), line.id(), null, s.denialRarc(), "LQ"));
            } else {
                adjustments.add(new Adjustment(claim.id(), line.id(), null, "CO", "45", a[0].subtract(a[1]), null));
                adjustments.add(new Adjustment(claim.id(), line.id(), null, "PR", "2", a[3], null));
                for (String rarc : s.rarcs()) {
                    remarks.add(new RemarkCode(claim.id(), line.id(), null, rarc, "LQ"));
                }
            }
        }
        remittances.save(Remittance.keyedIn(claim, adjustments, remarks));
    }
}
