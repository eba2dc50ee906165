package io.arbiter.priorauth;

import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.common.Citation;
import io.arbiter.findings.ClinicalDocument;
import io.arbiter.findings.ClinicalDocuments;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * SCS trial → permanent gating (NCD 160.7; pain-coding-and-denials.md §3.6, §4.2): a permanent implant needs,
 * before its date, a documented trial whose relief meets the threshold (50% by default) and a psychological
 * evaluation that did not fail. Trials and evaluations are the findings' clinical_documentation rows
 * (kinds SCS_TRIAL with the trial's end date and relief, PSYCH_EVAL), the same facts the scrubber's SCS-01 reads.
 */
@Singleton
public class ScsTrialGate {

    @Serdeable
    public record Trial(@Nullable LocalDate trialStart, LocalDate trialEnd, int reliefPercent, @Nullable LocalDate psychEvalDate,
                        @Nullable String psychResult) {
    }

    @Serdeable
    public record Result(boolean passed, List<String> missing, @Nullable LocalDate trialEnd, @Nullable Integer reliefPercent,
                         @Nullable LocalDate psychEvalDate, int thresholdPercent, Citation citation) {
    }

    static final String TRIAL_START = "trialStart=";

    private final ClinicalDocuments documents;
    private final AuthRequirements requirements;

    public ScsTrialGate(ClinicalDocuments documents, AuthRequirements requirements) {
        this.documents = documents;
        this.requirements = requirements;
    }

    /** Records a trial (and the psych evaluation when given) as clinical documentation of the patient. */
    public Result record(Long patientId, Trial t) {
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        if (t.trialEnd() == null) {
            errors.add(new ApiProblem.ProblemDetail("trialEnd", "the trial's end date is required"));
        } else if (t.trialStart() != null && t.trialStart().isAfter(t.trialEnd())) {
            errors.add(new ApiProblem.ProblemDetail("trialStart", "the trial cannot start after it ends"));
        }
        if (t.reliefPercent() < 0 || t.reliefPercent() > 100) {
            errors.add(new ApiProblem.ProblemDetail("reliefPercent", "must be 0-100"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("Invalid SCS trial", errors);
        }
        documents.save(new ClinicalDocument(null, patientId, null, "SCS_TRIAL", t.trialEnd(), null, t.reliefPercent(),
                t.reliefPercent() >= requirements.scsReliefPercent() ? "SUCCESSFUL" : "UNSUCCESSFUL",
                t.trialStart() == null ? null : TRIAL_START + t.trialStart(), null));
        if (t.psychEvalDate() != null) {
            documents.save(new ClinicalDocument(null, patientId, null, "PSYCH_EVAL", t.psychEvalDate(), null, null,
                    t.psychResult() == null ? "CLEARED" : t.psychResult(), null, null));
        }
        return check(patientId, t.trialEnd().plusDays(1));
    }

    /** Whether a permanent implant on {@code implantDate} is supported by a documented successful trial and psych evaluation. */
    public Result check(@Nullable Long patientId, LocalDate implantDate) {
        int threshold = requirements.scsReliefPercent();
        List<ClinicalDocument> before = patientId == null ? List.of() : documents.findByPatientIdOrderByDocumentDate(patientId).stream()
                .filter(d -> !d.documentDate().isAfter(implantDate)).toList();
        Optional<ClinicalDocument> trial = before.stream().filter(d -> "SCS_TRIAL".equals(d.kind()) && d.reliefPercent() != null)
                .max(Comparator.comparing(ClinicalDocument::documentDate));
        Optional<ClinicalDocument> psych = before.stream().filter(d -> "PSYCH_EVAL".equals(d.kind()) && !"NOT_CLEARED".equals(d.result()))
                .max(Comparator.comparing(ClinicalDocument::documentDate));
        List<String> missing = new ArrayList<>();
        if (trial.isEmpty()) {
            missing.add("No SCS trial documented before " + implantDate);
        } else if (trial.get().reliefPercent() < threshold) {
            missing.add("SCS trial ending " + trial.get().documentDate() + " gave " + trial.get().reliefPercent()
                    + "% relief, below the " + threshold + "% threshold");
        }
        if (psych.isEmpty()) {
            missing.add("No psychological evaluation (cleared) documented before " + implantDate);
        }
        return new Result(missing.isEmpty(), missing, trial.map(ClinicalDocument::documentDate).orElse(null),
                trial.map(ClinicalDocument::reliefPercent).orElse(null), psych.map(ClinicalDocument::documentDate).orElse(null),
                threshold, requirements.scsCitation());
    }
}
