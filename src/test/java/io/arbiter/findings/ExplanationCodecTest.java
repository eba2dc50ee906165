package io.arbiter.findings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationCodecTest {

    @Test
    void storedExplanationsReadBackByteForByteAndAreSmall() {
        String priced = "1) Benchmark FH-2026-H1, BILLED, 80th percentile for 64483 in geozip 752 on 2026-03-30: $1053.61 per unit "
                + "2) Modifier 50, bilateral indicator 1: 150% of one side 3) Expected $1580.42 (rounded half-up to the cent once, after all "
                + "adjustments) Gap: expected $1580.42 - payer allowed $336.00 (patient share included) = $1244.42 (78.74% of expected; "
                + "threshold $25.0 and 5%).";
        byte[] z = ExplanationCodec.encode(priced);
        assertEquals(priced, ExplanationCodec.decode(z));
        // the preset dictionary carries the fixed phrases: well under half the UTF-8 size
        assertTrue(z.length * 2 < priced.length(), z.length + " bytes");
        for (String s : new String[] {"", "x", "Relief ≥ 80 % — documented (ü, 日本)", "a".repeat(100_000) + "b"}) {
            assertEquals(s, ExplanationCodec.decode(ExplanationCodec.encode(s)));
        }
    }
}
