package io.arbiter.denials;

import io.arbiter.intake.IntakeTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Denial records built from a real-shaped 835 imported through io.arbiter.intake (fixtures/x12/acme-self-funded-835.edi). */
@MicronautTest(transactional = false)
class DenialsFromImported835Test {

    @Inject
    IntakeTestSupport intake;
    @Inject
    DenialService service;
    @Inject
    DenialRepository denials;

    @Test
    void importedDenialsAreClassified() {
        intake.wipe();
        intake.importFixture("x12/acme-self-funded-835.edi");
        DenialRequests.SyncResult r = service.sync(null);
        assertEquals(12, r.created());
        assertEquals(Map.of("AUTHORIZATION", 5, "BUNDLING", 5, "MEDICAL_NECESSITY", 2), r.byCategory());
        Map<String, Integer> count = new TreeMap<>();
        for (Denial d : denials.findAll()) {
            count.merge(d.procedureCode() + " " + d.groupCode() + "-" + d.carc() + " " + d.workType() + " " + d.deniedAmount(), 1, Integer::sum);
            // ERISA plan, payment 2026-10-08 + 180 days (Oct 23 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31 + Apr 6) = 2027-04-06;
            // 77003 next to a guidance-inclusive code is correctly bundled: a write-off without an appeal deadline (issue 14 item 10)
            assertEquals(d.workType() == WorkType.NONE ? null : java.time.LocalDate.of(2027, 4, 6), d.appealDue());
        }
        assertEquals(Map.of("62323 CO-197 APPEAL 1800.00", 1, "64493 CO-197 APPEAL 2100.00", 1, "64494 CO-197 APPEAL 1100.00", 1,
                "64635 CO-197 APPEAL 4800.00", 1, "64635 CO-50 APPEAL 4800.00", 1, "64636 CO-197 APPEAL 2200.00", 1,
                "64636 CO-50 APPEAL 2200.00", 1, "77003 CO-97 NONE 350.00", 5), count);
        assertEquals(0, service.sync(null).created(), "re-sync creates nothing");
    }

    /** The denied-lines worklist pages by keyset (issue 21): every denial once, in the work queue's order, deadlines first. */
    @Test
    void theWorkQueuePagesByKeysetWithoutGapsOrRepeats() {
        intake.wipe();
        intake.importFixture("x12/acme-self-funded-835.edi");
        service.sync(null);
        java.util.List<Long> byOffset = service.list(null, null, null, io.arbiter.security.PracticeAccess.EVERY, 0, 100).items().stream()
                .map(DenialView::id).toList();
        java.util.List<Long> byKeyset = new java.util.ArrayList<>();
        DenialService.After after = null;
        for (int guard = 0; guard < 10; guard++) {
            java.util.List<DenialView> page = service.listAfter(null, null, null, io.arbiter.security.PracticeAccess.EVERY, after, 5);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(d -> byKeyset.add(d.id()));
            DenialView last = page.get(page.size() - 1);
            after = new DenialService.After(last.appealDue(), last.id());
        }
        assertEquals(12, byKeyset.size());
        assertEquals(byOffset, byKeyset, "pages of five walk the same order as one page of a hundred");
        java.util.List<DenialView> all = service.listAfter(null, null, null, io.arbiter.security.PracticeAccess.EVERY, null, 100);
        assertEquals(java.time.LocalDate.of(2027, 4, 6), all.get(0).appealDue());
        assertEquals(null, all.get(11).appealDue(), "write-offs without an appeal deadline last");
    }
}
