package io.arbiter.practice;

/**
 * The National Provider Identifier's form: ten digits whose last is a Luhn check digit computed over the prefix 80840
 * and the first nine digits (45 CFR 162.406; CMS, "Requirements for NPI Check Digit"). A value that fails it is not an
 * NPI, whatever a file says.
 */
public final class Npi {

    private Npi() {
    }

    public static boolean isValid(String npi) {
        if (npi == null || npi.length() != 10) {
            return false;
        }
        String digits = "80840" + npi;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(digits.length() - 1 - i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
