package io.arbiter.findings.scrubber;

import io.arbiter.findings.PatientHistory;
import io.arbiter.findings.ScanClaim;
import io.arbiter.pricing.RvuValue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

/** What a rule sees: the claim, MPFS indicators by code and date, and the patient's history and documentation. */
public record ScrubContext(ScanClaim claim, PatientHistory history, BiFunction<String, LocalDate, Optional<RvuValue>> indicators) {

    public Optional<RvuValue> indicators(String code, LocalDate date) {
        return indicators.apply(code, date);
    }
}
