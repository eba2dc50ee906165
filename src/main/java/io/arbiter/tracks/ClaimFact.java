package io.arbiter.tracks;

/**
 * The facts a remittance cannot (or can only sometimes) tell, which a specialist can set per claim or per plan
 * (issue 14). Each names the question Arbiter asks when the track depends on it and nobody has answered.
 */
public enum ClaimFact {
    PLAN_TYPE("plan type unknown: tell us whether the plan is self-funded (ERISA), fully insured by a state-regulated "
            + "insurer, FEHB, a state employee plan or another kind"),
    EMERGENCY("emergency unknown: tell us whether this was emergency care (the claim has no place of service)"),
    NOTICE_CONSENT_ON_FILE("notice and consent unknown: tell us whether the patient signed a valid notice-and-consent form"),
    FACILITY_NETWORK_STATUS("facility network status unknown: tell us whether the facility where the service was furnished "
            + "participates in the plan's network"),
    SERVICE_STATE("service state unknown: tell us in which state the service was furnished"),
    PLAN_REGULATOR_STATE("plan regulator state unknown: tell us which state's insurance department regulates the plan "
            + "(the ID card shows 'TDI' or 'DOI' for Texas)");

    private final String question;

    ClaimFact(String question) {
        this.question = question;
    }

    public String question() {
        return question;
    }
}
