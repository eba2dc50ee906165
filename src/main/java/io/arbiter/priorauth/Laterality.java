package io.arbiter.priorauth;

/** The side an authorization covers; BILATERAL covers either side and both. */
public enum Laterality {
    LEFT, RIGHT, BILATERAL;

    boolean covers(Laterality billed) {
        return this == BILATERAL || this == billed;
    }
}
