package io.arbiter.findings.scrubber;

import java.util.Set;

/** Code families of pain-coding-and-denials.md §1 used by several rules (regions for ESI/RFA counting). */
public final class PainCodes {

    public static final Set<String> ESI_CERVICAL_THORACIC = Set.of("62320", "62321", "62324", "62325", "64479", "64480");
    public static final Set<String> ESI_LUMBAR_SACRAL = Set.of("62322", "62323", "62326", "62327", "64483", "64484");
    public static final Set<String> RFA_CERVICAL_THORACIC = Set.of("64633", "64634");
    public static final Set<String> RFA_LUMBAR_SACRAL = Set.of("64635", "64636");
    public static final Set<String> RFA_PRIMARY = Set.of("64633", "64635");
    public static final Set<String> MBB = Set.of("64490", "64491", "64492", "64493", "64494", "64495");

    private PainCodes() {
    }

    public static String esiRegion(String code) {
        return ESI_CERVICAL_THORACIC.contains(code) ? "CERVICAL_THORACIC" : ESI_LUMBAR_SACRAL.contains(code) ? "LUMBAR_SACRAL" : null;
    }

    public static String rfaRegion(String code) {
        return RFA_CERVICAL_THORACIC.contains(code) ? "CERVICAL_THORACIC" : RFA_LUMBAR_SACRAL.contains(code) ? "LUMBAR_SACRAL" : null;
    }

    public static String mbbRegion(String code) {
        return Set.of("64490", "64491", "64492").contains(code) ? "CERVICAL_THORACIC"
                : Set.of("64493", "64494", "64495").contains(code) ? "LUMBAR_SACRAL" : null;
    }
}
