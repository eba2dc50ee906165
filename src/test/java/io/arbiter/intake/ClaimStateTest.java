package io.arbiter.intake;

import io.arbiter.claims.ClaimReader;
import io.arbiter.claims.ClaimView;
import io.arbiter.claims.Remittance;
import io.arbiter.claims.RemittanceRepository;
import io.arbiter.claims.RemittanceLedger;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the imported claims look like: per-claim truth, reversals, duplicates, linking in both orders. */
@MicronautTest(transactional = false)
class ClaimStateTest {

    @Inject
    IntakeTestSupport support;

    @Inject
    ClaimReader reader;

    @Inject
    JsonMapper json;

    @Inject
    RemittanceRepository remittances;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"acme-self-funded", "bluebonnet-state-plan", "gulf-tpa", "bom-utf8-835"})
    @SuppressWarnings("unchecked")
    void everyClaimMatchesTheExpectedFile(String name) throws IOException {
        String edi = name.endsWith("835") ? name + ".edi" : name + "-835.edi";
        String expectedFile = name.endsWith("835") ? name + "-expected.json" : name + "-expected.json";
        Map<String, Object> expected = json.readValue(IntakeTestSupport.fixture("x12/" + expectedFile), Argument.mapOf(String.class, Object.class));
        assertEquals("COMPLETED", support.importFixture("x12/" + edi).status());

        int nsaClaims = 0;
        for (Map<String, Object> c : (List<Map<String, Object>>) expected.get("perClaim")) {
            ClaimView view = reader.read(support.claimId((String) c.get("pcn")));
            assertEquals(c.get("pos"), view.placeOfService(), "POS of " + c.get("pcn"));
            assertEquals(c.get("dos"), String.valueOf(view.serviceDate()), "DOS of " + c.get("pcn"));
            assertEquals(expected.get("paymentDate"), String.valueOf(view.paymentDate()));
            assertEquals(((Map<String, Object>) expected.get("payer")).get("id"), view.payer().payerId());
            List<Map<String, Object>> lines = (List<Map<String, Object>>) c.get("lines");
            assertEquals(lines.size(), view.lines().size(), "lines of " + c.get("pcn"));
            BigDecimal paid = BigDecimal.ZERO;
            for (int i = 0; i < lines.size(); i++) {
                Map<String, Object> el = lines.get(i);
                ClaimView.Line line = view.lines().get(i);
                assertEquals(el.get("code"), line.procedureCode());
                assertEquals(el.get("mods"), line.modifiers());
                assertEquals(0, new BigDecimal(String.valueOf(el.get("units"))).compareTo(line.units()));
                assertEquals(0, new BigDecimal((String) el.get("charge")).compareTo(line.charge()));
                assertEquals(0, new BigDecimal((String) el.get("allowed")).compareTo(line.allowed() == null ? BigDecimal.ZERO : line.allowed()),
                        "allowed of " + c.get("pcn") + " line " + i);
                assertEquals(0, new BigDecimal((String) el.get("paid")).compareTo(line.paid()));
                assertEquals(el.get("rarcs"), line.remarkCodes());
                paid = paid.add(line.paid());
            }
            assertEquals(0, paid.compareTo(view.totalPaid()), "claim paid = sum of line paid for " + c.get("pcn"));
            if (view.nsa().indicators().contains("N877")) {
                nsaClaims++;
            }
        }
        assertEquals(((Number) expected.get("nsaClaims")).intValue(), nsaClaims);
    }

    @Test
    void reversalAndCorrectionReplaceTheOriginalPayment() {
        support.importFixture("x12/acme-self-funded-835.edi");
        ImportView reversal = support.importFixture("x12/acme-reversal-835.edi");

        assertEquals("COMPLETED", reversal.status());
        ClaimView claim = reader.read(support.claimId("LS03000002"));
        // original 1,942.56, reversed (−1,942.56), re-paid 2,742.56: net 2,742.56
        assertEquals(new BigDecimal("2742.56"), claim.totalPaid());
        assertEquals(new BigDecimal("685.64"), claim.patientResponsibility());
        assertEquals("ERA0030000002A", claim.payerClaimControlNumber());
        // the clock's trigger stays the initial payment of 2026-10-08 (42 U.S.C. 300gg-111(c)(1)(A)), not the re-payment
        assertEquals("2026-10-08", claim.paymentDate().toString());
        assertEquals(List.of(RemittanceLedger.Kind.INITIAL, RemittanceLedger.Kind.REVERSAL,
                RemittanceLedger.Kind.CORRECTION), claim.ledger().entries().stream().map(e -> e.kind()).toList());
        ClaimView.Line line = claim.lines().get(0);
        assertEquals(new BigDecimal("3428.20"), line.allowed());
        assertEquals(new BigDecimal("2742.56"), line.paid());
        // only the correction's adjustments remain in the claim's picture: CO-45 15,571.80 and PR-2 685.64
        assertEquals(List.of(new ClaimView.AdjustmentView("CO", "45", new BigDecimal("15571.80")),
                new ClaimView.AdjustmentView("PR", "2", new BigDecimal("685.64"))), line.adjustments());
        assertEquals(List.of("N865", "N877", "N830"), claim.nsa().indicators());
        assertEquals(2, support.count("SELECT COUNT(*) FROM remittance WHERE cancelled = TRUE"));
        // the original and its reversal keep their own CAS (two each) as received, out of the claim's picture
        List<Remittance> cancelled = remittances.findByClaimIdOrderById(support.claimId("LS03000002")).stream()
                .filter(Remittance::cancelled).toList();
        assertEquals(List.of(new BigDecimal("1942.56"), new BigDecimal("-1942.56")), cancelled.stream().map(Remittance::totalPaid).toList());
        assertEquals(List.of(2, 2), cancelled.stream().map(r -> r.adjustmentList().size()).toList());
        assertEquals(cancelled.get(0).adjustmentList().get(0).amount().negate(), cancelled.get(1).adjustmentList().get(0).amount());
    }

    @Test
    void aRemittanceThatCreatedItsClaimAloneGetsItsServiceLinesWrittenWhenTheClaimChanges() {
        support.importFixture("x12/acme-self-funded-835.edi");
        // 24 CLPs, each creating its claim alone: no remittance_line copies, the claim's lines are the SVCs
        assertEquals(24, support.count("SELECT COUNT(*) FROM remittance WHERE lines_on_claim = TRUE"));
        assertEquals(0, support.count("SELECT COUNT(*) FROM remittance_line"));

        support.importFixture("x12/acme-reversal-835.edi");

        // the reversal touches LS03000002 only: its first remittance's one SVC (63650, 19,000 charged,
        // 1,942.56 paid, 2 units) is now a remittance_line row copied from the claim line, flag cleared
        long claimId = support.claimId("LS03000002");
        assertEquals(0, support.count("SELECT COUNT(*) FROM remittance WHERE lines_on_claim = TRUE AND claim_id = ?", claimId));
        assertEquals(23, support.count("SELECT COUNT(*) FROM remittance WHERE lines_on_claim = TRUE"));
        assertEquals(1, support.count("SELECT COUNT(*) FROM remittance_line l JOIN remittance r ON r.id = l.remittance_id "
                + "WHERE r.claim_id = ? AND r.claim_status_code = '1' AND r.payer_claim_control_number = 'ERA0030000002' "
                + "AND l.procedure_code = '63650' AND l.charge = 19000 AND l.paid = 1942.56 AND l.units = 2 AND l.seq = 1", claimId));
        // reversal and correction were written with their own lines: 1 + 1 + 1 rows for the claim
        assertEquals(3, support.count("SELECT COUNT(*) FROM remittance_line WHERE claim_id = ?", claimId));
    }

    @Test
    void reversalArrivingBeforeItsOriginalEndsTheSame() {
        support.importFixture("x12/acme-reversal-835.edi");
        support.importFixture("x12/acme-self-funded-835.edi");

        ClaimView claim = reader.read(support.claimId("LS03000002"));
        assertEquals(new BigDecimal("2742.56"), claim.totalPaid());
        assertEquals(new BigDecimal("3428.20"), claim.lines().get(0).allowed());
    }

    @Test
    void unbalancedClaimImportsWithAWarningNamingIt() {
        ImportView v = support.importFixture("x12/unbalanced-claim-835.edi");

        assertEquals("COMPLETED", v.status());
        // 19,000.00 − 1,942.56 − (16,471.80 + 485.64) = 100.00
        assertTrue(v.warnings().stream().anyMatch(w -> w.message().startsWith("claim LS03000002 is out of balance")
                && w.message().contains("difference 100.00") && w.location().equals("segment 27 (CLP)")), () -> v.warnings().toString());
        assertTrue(v.warnings().stream().noneMatch(w -> w.message().contains("LS03000001")));
    }

    @Test
    void sameBytesTwiceIsADuplicateAndChangesNothing() {
        byte[] bytes = IntakeTestSupport.fixture("x12/gulf-tpa-835.edi");
        ImportView first = support.importBytes("gulf.edi", bytes);
        long remittances = support.count("SELECT COUNT(*) FROM remittance");

        ImportView again = support.importBytes("gulf-again.edi", bytes);

        assertFalse(first.duplicate());
        assertTrue(again.duplicate());
        assertEquals(first.id(), again.id());
        assertEquals(remittances, support.count("SELECT COUNT(*) FROM remittance"));
        assertEquals(1, support.count("SELECT COUNT(*) FROM import_file"));
    }

    @Test
    void knownRemittanceInADifferentFileIsNotCountedTwice() {
        support.importFixture("x12/acme-self-funded-835.edi");
        BigDecimal before = support.decimal("SELECT SUM(total_paid) FROM claim");
        // same remittances, different interchange control number: different bytes, same payments
        String resent = IntakeTestSupport.text("x12/acme-self-funded-835.edi").replace("000000004", "000000099");

        ImportView v = support.importBytes("resent.edi", resent.getBytes(StandardCharsets.UTF_8));

        assertEquals("COMPLETED", v.status());
        assertFalse(v.duplicate());
        assertEquals(0, before.compareTo(support.decimal("SELECT SUM(total_paid) FROM claim")));
        assertEquals(new BigDecimal("11901.17"), before);
        assertEquals(24, support.count("SELECT COUNT(*) FROM remittance"));
        assertTrue(v.warnings().stream().anyMatch(w -> w.message().contains("24 remittance(s) were already imported")));
    }

    @Test
    void remittanceBeforeOrAfterItsClaimEndsInTheSameClaims() {
        support.importFixture("x12/acme-self-funded-837p.edi");
        support.importFixture("x12/acme-self-funded-835.edi");
        List<String> claimFirst = snapshot();

        support.wipe();
        support.importFixture("x12/acme-self-funded-835.edi");
        support.importFixture("x12/acme-self-funded-837p.edi");
        List<String> remitFirst = snapshot();

        assertEquals(24, claimFirst.size());
        assertEquals(claimFirst, remitFirst);
        ClaimView linked = reader.read(support.claimId("LS03000002"));
        assertEquals("75204", linked.serviceZip());   // 2310C service facility ZIP 752041000
        // SBR09 "CI" is commercial: X12 cannot tell ERISA from fully insured, so the configurable default (OTHER) applies
        assertEquals("OTHER", linked.planType());
        assertEquals(List.of("G894", "M961"), linked.diagnosisCodes());
        assertEquals(new BigDecimal("1942.56"), linked.totalPaid());
        assertEquals("1", linked.claimStatusCode());
        assertEquals(24, support.count("SELECT COUNT(*) FROM claim"));
        assertEquals(35, support.count("SELECT COUNT(*) FROM claim_line"));
        assertEquals(0, support.count("SELECT COUNT(*) FROM claim WHERE patient_id IS NULL"));
        assertEquals(1, support.count("SELECT COUNT(*) FROM patient WHERE member_id = 'W998143645' AND birth_date = '1985-08-13'"));
    }

    /** Every claim as JSON, without database ids (which differ between runs). */
    private List<String> snapshot() {
        List<String> out = new ArrayList<>();
        for (long id = 0; ; ) {
            long next = support.count("SELECT COALESCE(MIN(id), 0) FROM claim WHERE id > ?", id);
            if (next == 0) {
                break;
            }
            id = next;
            ClaimView v = reader.read(id);
            try {
                out.add(json.writeValueAsString(v).replaceAll("\"(id|remittanceId)\":\\d+,", ""));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    @Test
    void claimFrom835AloneHasNoBilledZipUntilThe837Arrives() {
        support.importFixture("x12/acme-self-funded-835.edi");
        assertNull(reader.read(support.claimId("LS03000001")).serviceZip());
    }
}
