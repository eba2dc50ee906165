package io.arbiter.findings;

import io.arbiter.findings.scrubber.ScrubContext;
import io.arbiter.findings.scrubber.Scrubber;
import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.PricingEngine;
import io.arbiter.pricing.PricingTestData;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per scrubber rule of pain-coding-and-denials.md §9: each asserts the rule fires on the
 * violating claim (so it fails without the rule) and stays silent on the compliant variant.
 */
@MicronautTest(transactional = false)
class ScrubberRulesTest {

    static final LocalDate DOS = LocalDate.of(2026, 6, 15);
    @Inject Scrubber scrubber;
    @Inject PricingEngine engine;
    @Inject PricingTestData data;

    @BeforeEach
    void load() {
        data.load();
    }

    private static ScanClaim claim(PlanType type, BilateralFormat format, String... specs) {
        List<ScanClaim.Line> lines = new ArrayList<>();
        long id = 1;
        for (String spec : specs) {
            String[] cu = spec.split("x");
            String[] cm = cu[0].split("-");
            lines.add(new ScanClaim.Line(id, (int) id, cm[0], List.of(cm).subList(1, cm.length), new BigDecimal(cu.length > 1 ? cu[1] : "1"),
                    new BigDecimal("1000"), new BigDecimal("200"), new BigDecimal("160"), DOS, List.of(), List.of()));
            id++;
        }
        return new ScanClaim(100, 1, 7L, "PAYER1", format, type, "24", "770301234", "TX", DOS, lines);
    }

    private List<Scrubber.Hit> run(String rule, ScanClaim claim, PatientHistory history) {
        return scrubber.scrubOnly(rule, new ScrubContext(claim, history, (code, date) -> engine.indicators(code, "", date)));
    }

    private List<Scrubber.Hit> run(String rule, ScanClaim claim) {
        return run(rule, claim, PatientHistory.empty());
    }

    private static PatientHistory history(List<PatientHistory.Service> services, ClinicalDocument... docs) {
        return new PatientHistory(services, List.of(docs));
    }

    private static PatientHistory.Service service(LocalDate date, String code) {
        return new PatientHistory.Service(55, date, code, List.of());
    }

    @Test
    void bil01BilateralFormatMustMatchThePayerProfile() {
        // Medicare-style payer (variant A) gets RT/LT lines; an RT/LT payer (variant E) gets modifier 50; 50 x 2 units under variant A.
        assertEquals(1, run("BIL-01", claim(PlanType.MEDICARE, BilateralFormat.MODIFIER_50, "64493-RT", "64493-LT")).size());
        assertEquals(1, run("BIL-01", claim(PlanType.FULLY_INSURED_STATE, BilateralFormat.RT_LT_TWO_LINES, "64493-50")).size());
        assertEquals(1, run("BIL-01", claim(PlanType.MEDICARE, BilateralFormat.MODIFIER_50, "64483-50x2")).size());
        assertTrue(run("BIL-01", claim(PlanType.MEDICARE, BilateralFormat.MODIFIER_50, "64493-50")).isEmpty());
        assertTrue(run("BIL-01", claim(PlanType.FULLY_INSURED_STATE, BilateralFormat.RT_LT_TWO_LINES, "64493-RT", "64493-LT")).isEmpty());
    }

    @Test
    void bil02ModifierFiftyOnIndicatorNineCodeIsAnError() {
        // 62323 bilateral indicator 9 (PPRRVU 2026): 50/RT/LT must not be reported (ESI-01)
        List<Scrubber.Hit> hits = run("BIL-02", claim(PlanType.MEDICARE, BilateralFormat.MODIFIER_50, "62323-50"));
        assertEquals(1, hits.size());
        assertTrue(hits.get(0).message().contains("bilateral indicator 9"));
        assertTrue(run("BIL-02", claim(PlanType.MEDICARE, BilateralFormat.MODIFIER_50, "64483-50")).isEmpty());
    }

    @Test
    void addon01AddOnWithoutPrimarySameDate() {
        assertEquals(1, run("ADDON-01", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "64484")).size());
        assertTrue(run("ADDON-01", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "64483", "64484")).isEmpty());
        // primary billed on another claim of the patient on the same date counts
        assertTrue(run("ADDON-01", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "64484"), history(List.of(service(DOS, "64483")))).isEmpty());
    }

    @Test
    void img01FluoroscopyWithGuidanceInclusiveCode() {
        List<Scrubber.Hit> hits = run("IMG-01", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "62323", "77003"));
        assertEquals(1, hits.size());
        assertEquals(2L, hits.get(0).lineId());
        assertTrue(run("IMG-01", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "62270", "77003")).isEmpty());
    }

    @Test
    void img02UnguidedInterlaminarWithSeparateImaging() {
        List<Scrubber.Hit> hits = run("IMG-02", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "62322", "77003"));
        assertEquals(1, hits.size());
        assertTrue(hits.get(0).message().contains("62323"));
        assertTrue(run("IMG-02", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "62322")).isEmpty());
    }

    @Test
    void lvl01TooManyTransforaminalOrFacetLevels() {
        // 64483 + 64484 x 2 = 3 TF levels (limit 2)
        assertEquals(1, run("LVL-01", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "64483-50", "64484-50x2")).size());
        // 64493 + 64494 + 64495 = 3+ facet levels
        assertEquals(1, run("LVL-01", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "64493", "64494", "64495")).size());
        // bilateral two levels as RT/LT lines is still two levels per side
        assertTrue(run("LVL-01", claim(PlanType.OTHER, BilateralFormat.RT_LT_TWO_LINES, "64493-RT", "64494-RT", "64493-LT", "64494-LT")).isEmpty());
        assertTrue(run("LVL-01", claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "64483-50", "64484-50")).isEmpty());
    }

    @Test
    void fac02RfaNeedsTwoDiagnosticBlocksWithEightyPercentRelief() {
        ScanClaim rfa = claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "64635", "64636");
        ClinicalDocument good1 = ClinicalDocument.of(7L, null, "MBB_RELIEF", DOS.minusWeeks(8), "LUMBAR_SACRAL", 85, null);
        ClinicalDocument good2 = ClinicalDocument.of(7L, null, "MBB_RELIEF", DOS.minusWeeks(5), "LUMBAR_SACRAL", 90, null);
        ClinicalDocument weak = ClinicalDocument.of(7L, null, "MBB_RELIEF", DOS.minusWeeks(5), "LUMBAR_SACRAL", 60, null);
        List<Scrubber.Hit> hits = run("FAC-02", rfa, history(List.of(), good1, weak));
        assertEquals(1, hits.size());
        assertTrue(hits.get(0).message().contains("Missing document: MBB_RELIEF"));
        assertTrue(run("FAC-02", rfa, history(List.of(), good1, good2)).isEmpty());
    }

    @Test
    void fac03RepeatRfaSoonerThanSixMonths() {
        ScanClaim rfa = claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "64635");
        assertEquals(1, run("FAC-03", rfa, history(List.of(service(DOS.minusMonths(4), "64635")))).size());
        assertTrue(run("FAC-03", rfa, history(List.of(service(DOS.minusMonths(7), "64635")))).isEmpty());
        // a cervical RFA does not count against the lumbar region
        assertTrue(run("FAC-03", rfa, history(List.of(service(DOS.minusMonths(2), "64633")))).isEmpty());
    }

    @Test
    void esi04FifthSessionPerRegionInTwelveMonths() {
        ScanClaim esi = claim(PlanType.MEDICARE, BilateralFormat.MODIFIER_50, "64483");
        List<PatientHistory.Service> four = List.of(service(DOS.minusDays(300), "62323"), service(DOS.minusDays(200), "64483"),
                service(DOS.minusDays(120), "64483"), service(DOS.minusDays(40), "62323"));
        List<Scrubber.Hit> hits = run("ESI-04", esi, history(four));
        assertEquals(1, hits.size());
        assertTrue(hits.get(0).message().contains("ESI session 5"));
        // the oldest session outside the rolling 365 days: this is the 4th
        List<PatientHistory.Service> older = List.of(service(DOS.minusDays(400), "62323"), service(DOS.minusDays(200), "64483"),
                service(DOS.minusDays(120), "64483"), service(DOS.minusDays(40), "62323"));
        assertTrue(run("ESI-04", esi, history(older)).isEmpty());
    }

    @Test
    void scs01PermanentImplantNeedsTrialAndPsychEvaluation() {
        ScanClaim implant = claim(PlanType.OTHER, BilateralFormat.MODIFIER_50, "63685", "63650x2");
        ClinicalDocument trial = ClinicalDocument.of(7L, null, "SCS_TRIAL", DOS.minusWeeks(4), null, 60, "SUCCESS");
        ClinicalDocument psych = ClinicalDocument.of(7L, null, "PSYCH_EVAL", DOS.minusWeeks(10), null, null, "CLEARED");
        List<Scrubber.Hit> hits = run("SCS-01", implant, history(List.of(service(DOS.minusWeeks(5), "63650")), trial));
        assertEquals(1, hits.size());
        assertTrue(hits.get(0).message().contains("PSYCH_EVAL"));
        assertTrue(run("SCS-01", implant, history(List.of(), trial, psych)).isEmpty());
    }

    @Test
    void kx01DiagnosticBlockWithoutKxForMedicareOnly() {
        assertEquals(1, run("KX-01", claim(PlanType.MEDICARE, BilateralFormat.MODIFIER_50, "64493-50")).size());
        assertTrue(run("KX-01", claim(PlanType.MEDICARE, BilateralFormat.MODIFIER_50, "64493-50-KX")).isEmpty());
        assertTrue(run("KX-01", claim(PlanType.SELF_FUNDED_ERISA, BilateralFormat.MODIFIER_50, "64493-50")).isEmpty());
        ClinicalDocument therapeutic = new ClinicalDocument(1L, 7L, 100L, "THERAPEUTIC_INJECTION", DOS, null, null, null, null, null);
        assertTrue(run("KX-01", claim(PlanType.MEDICARE, BilateralFormat.MODIFIER_50, "64493-50"), history(List.of(), therapeutic)).isEmpty());
    }

    @Test
    void everyConfiguredRuleCarriesACitation() {
        scrubber.configs().forEach(c -> {
            assertTrue(c.citation() != null && c.citation().url().startsWith("http"), c.id());
        });
        assertEquals(11, scrubber.configs().size());
    }
}
