package io.arbiter.security;

/** The four roles of the API contract. */
public final class Roles {
    public static final String SPECIALIST = "SPECIALIST";
    public static final String ATTORNEY = "ATTORNEY";
    public static final String FINANCE = "FINANCE";
    public static final String ADMIN = "ADMIN";

    public static final java.util.Set<String> ALL = java.util.Set.of(SPECIALIST, ATTORNEY, FINANCE, ADMIN);

    private Roles() {
    }
}
