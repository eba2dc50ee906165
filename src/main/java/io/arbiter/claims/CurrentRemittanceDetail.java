package io.arbiter.claims;

import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A claim's current adjustments and remark codes: those of its remittances that are not cancelled (a reversal and
 * the original it takes back keep theirs, but leave the picture), in the order the remittances arrived.
 */
@Singleton
public class CurrentRemittanceDetail {

    /** Adjustments and remark codes of one or more claims. */
    public record Detail(List<Adjustment> adjustments, List<RemarkCode> remarkCodes) {
    }

    static final int PAGE = 2_000;

    private final RemittanceRepository remittances;

    public CurrentRemittanceDetail(RemittanceRepository remittances) {
        this.remittances = remittances;
    }

    public Detail of(Long claimId) {
        return of(List.of(claimId));
    }

    public Detail of(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return new Detail(List.of(), List.of());
        }
        List<Adjustment> adjustments = new ArrayList<>();
        List<RemarkCode> remarks = new ArrayList<>();
        for (Remittance r : remittances.findByClaimIdInAndCancelledOrderById(claimIds, false)) {
            adjustments.addAll(r.adjustmentList());
            remarks.addAll(r.remarkCodeList());
        }
        return new Detail(adjustments, remarks);
    }

    /** Each claim's own current detail (claims without remittances map to an empty detail), in one read. */
    public java.util.Map<Long, Detail> byClaim(Collection<Long> claimIds) {
        java.util.Map<Long, Detail> out = new java.util.HashMap<>();
        for (Long id : claimIds) {
            out.put(id, new Detail(new ArrayList<>(), new ArrayList<>()));
        }
        if (claimIds.isEmpty()) {
            return out;
        }
        for (Remittance r : remittances.findByClaimIdInAndCancelledOrderById(claimIds, false)) {
            Detail d = out.get(r.claimId());
            if (d != null) {
                d.adjustments().addAll(r.adjustmentList());
                d.remarkCodes().addAll(r.remarkCodeList());
            }
        }
        return out;
    }

    /**
     * The claims, ascending, whose current picture has a line-level adjustment that passes {@code test}. Reads the
     * remittances a page at a time, so memory holds one page and the matching claim ids, however many there are.
     */
    public List<Long> claimsWithLineAdjustment(Predicate<Adjustment> test) {
        Set<Long> out = new TreeSet<>();
        long after = 0;
        List<Remittance> page;
        do {
            page = remittances.findByIdGreaterThanAndCancelledAndClaimIdIsNotNullAndAdjustmentsIsNotNullOrderById(after, false,
                    Pageable.from(0, PAGE));
            for (Remittance r : page) {
                if (!out.contains(r.claimId()) && r.adjustmentList().stream().anyMatch(a -> a.claimLineId() != null && test.test(a))) {
                    out.add(r.claimId());
                }
                after = r.id();
            }
        } while (page.size() == PAGE);
        return new ArrayList<>(out);
    }
}
