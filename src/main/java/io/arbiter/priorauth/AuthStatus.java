package io.arbiter.priorauth;

/** Where a prior-authorization request stands; only APPROVED covers services. */
public enum AuthStatus {
    REQUESTED, PENDED, APPROVED, DENIED, WITHDRAWN;

    boolean decision() {
        return this == APPROVED || this == DENIED;
    }
}
