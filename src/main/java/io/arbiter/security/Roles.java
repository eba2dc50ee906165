package io.arbiter.security;

/** The four roles of the API contract. */
public final class Roles {
    public static final String SPECIALIST = "SPECIALIST";
    public static final String ATTORNEY = "ATTORNEY";
    public static final String FINANCE = "FINANCE";
    public static final String ADMIN = "ADMIN";

    public static final java.util.Set<String> ALL = java.util.Set.of(SPECIALIST, ATTORNEY, FINANCE, ADMIN);

    /** A user whose only role is ATTORNEY: sees the cases shared with them and nothing else. */
    public static boolean attorneyOnly(io.micronaut.security.authentication.Authentication who) {
        var r = who.getRoles();
        return r.contains(ATTORNEY) && !r.contains(SPECIALIST) && !r.contains(ADMIN) && !r.contains(FINANCE);
    }

    private Roles() {
    }
}
