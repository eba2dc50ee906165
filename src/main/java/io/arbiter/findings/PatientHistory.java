package io.arbiter.findings;

import java.time.LocalDate;
import java.util.List;

/** A patient's services on other claims and clinical documentation, for history-based scrubber rules. */
public record PatientHistory(List<Service> services, List<ClinicalDocument> documents) {

    public record Service(long claimId, LocalDate date, String code, List<String> modifiers) {
    }

    public static PatientHistory empty() {
        return new PatientHistory(List.of(), List.of());
    }
}
