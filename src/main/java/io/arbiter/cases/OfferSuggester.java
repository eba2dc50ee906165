package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Suggests an offer from evidence, never from thin air: the practice's own determinations for the
 * same code (same payer and region first, widening only when there are none), and the CMS IDR public
 * use file. Each suggestion names its basis and sample size; with no sample there is no suggestion.
 */
@Singleton
public class OfferSuggester {

    @Serdeable
    public record Suggestion(String basis, String scope, int sampleSize, int percentile, BigDecimal amount,
                             BigDecimal low, BigDecimal high) {
    }

    @Serdeable
    public record Suggestions(String procedureCode, @Nullable String region, int percentile, List<Suggestion> suggestions,
                              List<String> notes) {
    }

    private final DisputeCaseRepository cases;
    private final CaseLineRepository lines;
    private final IdrPufRowRepository puf;

    public OfferSuggester(DisputeCaseRepository cases, CaseLineRepository lines, IdrPufRowRepository puf) {
        this.cases = cases;
        this.lines = lines;
        this.puf = puf;
    }

    @Transactional(readOnly = true)
    public Suggestions suggest(DisputeCase target, int percentile) {
        if (percentile < 1 || percentile > 99) {
            throw CaseRuleViolation.invalid("percentile", "must be between 1 and 99");
        }
        String code = target.getPrimaryCode();
        List<Suggestion> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // Own history: single-line decided cases, so a determination is the amount for that one service.
        List<DisputeCase> decided = cases.findByStageIn(List.of(CaseStage.DETERMINED, CaseStage.DECIDED, CaseStage.PAID,
                CaseStage.PAYMENT_OVERDUE, CaseStage.CLOSED)).stream()
                .filter(c -> c.getDetermination() != null && !Objects.equals(c.getId(), target.getId()))
                .filter(c -> Objects.equals(c.getPrimaryCode(), code))
                .filter(c -> lines.findByCaseIdOrderById(c.getId()).size() == 1)
                .toList();
        record Scope(String name, List<DisputeCase> sample) {
        }
        List<Scope> scopes = List.of(
                new Scope("same code, payer and region", decided.stream().filter(c -> Objects.equals(c.getPayerId(), target.getPayerId())
                        && Objects.equals(c.getServiceRegion(), target.getServiceRegion())).toList()),
                new Scope("same code and payer", decided.stream().filter(c -> Objects.equals(c.getPayerId(), target.getPayerId())).toList()),
                new Scope("same code, any payer", decided));
        scopes.stream().filter(s -> !s.sample().isEmpty()).findFirst().ifPresentOrElse(s -> {
            List<BigDecimal> amounts = s.sample().stream().map(DisputeCase::getDetermination).sorted().toList();
            out.add(new Suggestion("Practice determinations (prevailing amounts)", s.name(), amounts.size(), percentile,
                    percentile(amounts, percentile), amounts.get(0), amounts.get(amounts.size() - 1)));
        }, () -> notes.add("No decided single-line case for " + code + " in the practice's history yet."));

        List<BigDecimal> prevailing = puf.findByServiceCode(code == null ? "" : code).stream()
                .map(IdrPufRow::prevailingOffer).filter(Objects::nonNull).sorted().toList();
        if (prevailing.isEmpty()) {
            notes.add("No CMS IDR public use file rows for " + code + " have been imported.");
        } else {
            out.add(new Suggestion("CMS Federal IDR public use file (prevailing offers)", "same service code, all regions",
                    prevailing.size(), percentile, percentile(prevailing, percentile), prevailing.get(0),
                    prevailing.get(prevailing.size() - 1)));
        }
        notes.add("Offers must not rest on billed charges or public-payer rates, which IDR entities may not consider "
                + "(42 U.S.C. 300gg-111(c)(5)(D)).");
        return new Suggestions(code, target.getServiceRegion(), percentile, out, notes);
    }

    /** Nearest-rank percentile of a sorted list. */
    static BigDecimal percentile(List<BigDecimal> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))).setScale(2, RoundingMode.HALF_UP);
    }
}
