package io.arbiter.claims;

import java.util.Set;

/**
 * Remittance advice remark codes that signal No Surprises Act processing
 * (pain-coding-and-denials.md §6.4, CMS RARC list https://x12.org/codes/remittance-advice-remark-codes):
 * N830 and N859–N885. Intake keeps every RARC; this only names the NSA ones so a claim can be marked.
 */
public final class NsaRemarkCodes {

    private NsaRemarkCodes() {
    }

    public static boolean isNsa(String rarc) {
        if (rarc == null) {
            return false;
        }
        if (rarc.equals("N830")) {
            return true;
        }
        if (rarc.length() == 4 && rarc.charAt(0) == 'N') {
            try {
                int n = Integer.parseInt(rarc.substring(1));
                return n >= 859 && n <= 885;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** Codes saying the claim was processed under federal NSA rules (initial payment, open negotiation may start). */
    public static final Set<String> FEDERAL = Set.of("N865", "N877", "N830");
}
