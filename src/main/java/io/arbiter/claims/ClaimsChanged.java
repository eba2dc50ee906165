package io.arbiter.claims;

import java.util.List;

/**
 * Claims whose amounts or remittance history changed and were committed (an import stored new claims, a payment, a
 * reversal or a correction): whatever was computed from them — findings, their gaps — is computed again.
 */
public record ClaimsChanged(List<Long> claimIds, String cause) {

    public ClaimsChanged {
        claimIds = List.copyOf(claimIds);
    }
}
