package io.arbiter.practice;

/** Who regulates a plan decides the dispute track (federal-idr.md §2; texas-and-workers-comp.md §1). */
public enum PlanType {
    SELF_FUNDED_ERISA, FULLY_INSURED_STATE, STATE_EMPLOYEE, FEHB, AUTO_PIP, WORKERS_COMP,
    MEDICARE, MEDICAID, MEDICARE_ADVANTAGE, TRICARE, OTHER
}
