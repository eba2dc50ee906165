package io.arbiter.findings.scrubber;

import io.arbiter.findings.PatientHistory;
import io.arbiter.findings.ScanClaim;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** FAC-03: a repeat RFA in the same region sooner than 6 months after the previous one (CGS facet FAQ). */
@Singleton
public class RepeatRfaRule implements ScrubberRule {

    @Override
    public String id() {
        return "FAC-03";
    }

    @Override
    public List<RuleHit> check(ScrubContext ctx, RuleConfig config) {
        int months = config.integer("minimumMonthsBetween", 6);
        List<RuleHit> hits = new ArrayList<>();
        for (ScanClaim.Line l : ctx.claim().lines()) {
            if (!PainCodes.RFA_PRIMARY.contains(l.code())) {
                continue;
            }
            String region = PainCodes.rfaRegion(l.code());
            Optional<PatientHistory.Service> previous = ctx.history().services().stream()
                    .filter(s -> PainCodes.RFA_PRIMARY.contains(s.code()) && region.equals(PainCodes.rfaRegion(s.code()))
                            && s.date().isBefore(l.serviceDate()))
                    .max(Comparator.comparing(PatientHistory.Service::date));
            if (previous.isPresent() && previous.get().date().plusMonths(months).isAfter(l.serviceDate())) {
                hits.add(new RuleHit(l.id(), "repeat RFA " + l.code() + " on " + l.serviceDate() + " only "
                        + java.time.temporal.ChronoUnit.DAYS.between(previous.get().date(), l.serviceDate()) + " days after the RFA of "
                        + previous.get().date() + " (claim " + previous.get().claimId() + "); minimum " + months + " months"));
            }
        }
        return hits;
    }
}
