package io.arbiter.tracks.eligibility;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code arbiter.tracks.cooling-off.*}: how "same parties" and "same or similar item or service" are compared
 * (the statute defines neither; federal-idr.md §2.4).
 */
@ConfigurationProperties("arbiter.tracks.cooling-off")
public class CoolingOffSettings {

    public enum ServiceMatch {
        /** Same CPT/HCPCS code. */
        SAME_CODE,
        /** Same first four characters of the code (e.g. 6448x), a broader "similar" reading. */
        SAME_CODE_FAMILY
    }

    private ServiceMatch serviceMatch = ServiceMatch.SAME_CODE;
    /** Compare party keys ignoring case and punctuation (e.g. "Acme Health, Inc." = "ACME HEALTH INC"). */
    private boolean normalizePartyNames = true;

    public ServiceMatch getServiceMatch() {
        return serviceMatch;
    }

    public void setServiceMatch(ServiceMatch serviceMatch) {
        this.serviceMatch = serviceMatch;
    }

    public boolean isNormalizePartyNames() {
        return normalizePartyNames;
    }

    public void setNormalizePartyNames(boolean normalizePartyNames) {
        this.normalizePartyNames = normalizePartyNames;
    }

    boolean sameParty(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return normalizePartyNames ? norm(a).equals(norm(b)) : a.equals(b);
    }

    boolean similarService(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return switch (serviceMatch) {
            case SAME_CODE -> a.equalsIgnoreCase(b);
            case SAME_CODE_FAMILY -> a.length() >= 4 && b.length() >= 4 && a.substring(0, 4).equalsIgnoreCase(b.substring(0, 4));
        };
    }

    private static String norm(String s) {
        return s.toUpperCase().replaceAll("[^A-Z0-9]", "");
    }
}
