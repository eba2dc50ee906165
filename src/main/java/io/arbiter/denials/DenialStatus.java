package io.arbiter.denials;

/** Work status. APPEALED/RECOVERED/UPHELD count as appealed in the audit report's recovery rate. */
public enum DenialStatus {
    OPEN, APPEALED, CORRECTED, RECOVERED, UPHELD, WRITTEN_OFF
}
