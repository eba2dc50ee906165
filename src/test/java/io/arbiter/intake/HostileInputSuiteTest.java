package io.arbiter.intake;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 15's hostile-input suite: 1,000 mutated X12 files (truncated, spliced, wrong separators, binary noise, huge
 * elements) and 200 malformed CSV files, generated from the fixtures with a fixed seed and uploaded through
 * {@code POST /api/v1/imports}. Every one must answer 201 COMPLETED or 422 REJECTED whose errors are located (a segment,
 * a line or the file's own structure is named); none may answer 5xx; and a rejection stores nothing (the claim and
 * remittance counts are the same after it as before). The classes' counts are asserted at the end, so a generator that
 * stopped mutating would fail the suite.
 */
@MicronautTest(transactional = false)
class HostileInputSuiteTest {

    private static final long SEED = 20261203L;
    private static final int X12_PER_CLASS = 200;
    private static final int CSV_FILES = 200;
    private static final List<String> X12_FIXTURES = List.of("x12/acme-self-funded-835.edi", "x12/acme-reversal-835.edi",
            "x12/gulf-tpa-835.edi", "x12/bluebonnet-state-plan-835.edi", "x12/acme-self-funded-837p.edi");
    /** A located error names where: a segment, a line, an element or column, or the interchange's envelope. */
    private static final Pattern LOCATED = Pattern.compile("(?i).*(segment|line|column|ISA|IEA|GS|GE|ST|SE|header|file).*");

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject DataSource dataSource;
    @Inject DataSourceResolver resolver;

    enum X12Mutation { TRUNCATE, SPLICE, WRONG_SEPARATORS, BINARY_NOISE, HUGE_ELEMENT }

    enum CsvMutation { TRUNCATE, WRONG_DELIMITER, MISSING_COLUMN, EXTRA_CELLS, UNBALANCED_QUOTE, BINARY_NOISE, HUGE_CELL, BAD_VALUES,
        EMPTY }

    @Test
    void everyHostileFileIsImportedOrRefusedWithLocatedErrorsAndNothingHalfWritten() throws Exception {
        BlockingHttpClient client = http.toBlocking();
        String token = accounts.token(client, Roles.SPECIALIST);
        Random random = new Random(SEED);
        List<byte[]> fixtures = new ArrayList<>();
        for (String f : X12_FIXTURES) {
            fixtures.add(IntakeTestSupport.fixture(f));
        }
        Map<String, int[]> outcomes = new TreeMap<>(); // class -> {completed, rejected}
        int n = 0;
        for (X12Mutation m : X12Mutation.values()) {
            for (int i = 0; i < X12_PER_CLASS; i++) {
                byte[] base = fixtures.get(random.nextInt(fixtures.size()));
                byte[] other = fixtures.get(random.nextInt(fixtures.size()));
                byte[] file = mutate(m, base, other, random, n);
                upload(client, token, "hostile-" + (n++) + ".edi", file, "X12 " + m, outcomes);
            }
        }
        for (int i = 0; i < CSV_FILES; i++) {
            CsvMutation m = CsvMutation.values()[i % CsvMutation.values().length];
            upload(client, token, "hostile-" + (n++) + ".csv", csv(m, random, i), "CSV " + m, outcomes);
        }

        assertEquals(1_200, n);
        System.out.println("HostileInputSuiteTest: " + describe(outcomes));
        int rejected = outcomes.values().stream().mapToInt(o -> o[1]).sum();
        // Each class must actually produce rejections (a generator that stopped mutating would pass everything).
        for (X12Mutation m : X12Mutation.values()) {
            assertTrue(outcomes.get("X12 " + m)[1] > 0, "X12 " + m + " produced no rejection: " + describe(outcomes));
        }
        for (CsvMutation m : CsvMutation.values()) {
            assertTrue(outcomes.get("CSV " + m)[1] > 0, "CSV " + m + " produced no rejection: " + describe(outcomes));
        }
        assertTrue(rejected >= 900, "most hostile files are refused: " + describe(outcomes));
        // Values past the header's last column have nowhere to go: every such file is refused (issue 22: nothing dropped).
        assertEquals(0, outcomes.get("CSV " + CsvMutation.EXTRA_CELLS)[0], describe(outcomes));
    }

    private static String describe(Map<String, int[]> outcomes) {
        StringBuilder b = new StringBuilder();
        outcomes.forEach((k, v) -> b.append(k).append(": ").append(v[0]).append(" completed, ").append(v[1]).append(" rejected; "));
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private void upload(BlockingHttpClient client, String token, String name, byte[] bytes, String what,
                        Map<String, int[]> outcomes) throws Exception {
        long[] before = counts();
        int status;
        Map<String, Object> body;
        try {
            HttpResponse<Map> r = client.exchange(ImportApiTest.upload(token, name, bytes, null), Map.class);
            status = r.getStatus().getCode();
            body = r.body();
        } catch (HttpClientResponseException e) {
            status = e.getStatus().getCode();
            body = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of());
        }
        String label = what + " (" + name + ")";
        if (status >= 500) {
            fail(label + " answered " + status + ": " + body);
        }
        int[] o = outcomes.computeIfAbsent(what, k -> new int[2]);
        if (status == 201 || status == 200) {
            assertTrue(List.of("COMPLETED").contains(body.get("status")) || Boolean.TRUE.equals(body.get("duplicate")),
                    label + ": " + body);
            o[0]++;
            return;
        }
        assertEquals(422, status, label + ": " + body);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertTrue(errors != null && !errors.isEmpty(), label + " rejected without errors: " + body);
        for (Map<String, Object> e : errors) {
            String location = String.valueOf(e.get("location"));
            assertTrue(LOCATED.matcher(location).matches(), label + ": error without a location: " + e);
        }
        long[] after = counts();
        assertEquals(before[0], after[0], label + ": a rejected file stored claims");
        assertEquals(before[1], after[1], label + ": a rejected file stored remittances");
        o[1]++;
    }

    private long[] counts() throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM claim), (SELECT COUNT(*) FROM remittance)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    // ---- X12 mutations ------------------------------------------------------------------------------------------

    static byte[] mutate(X12Mutation m, byte[] base, byte[] other, Random random, int n) {
        String text = new String(base, StandardCharsets.UTF_8);
        char element = text.charAt(text.indexOf("ISA") + 3);
        char terminator = text.charAt(text.indexOf("ISA") + 105);
        List<String> segments = segments(text, terminator);
        switch (m) {
            case TRUNCATE -> {
                int cut = 1 + random.nextInt(base.length - 1);
                byte[] out = new byte[cut];
                System.arraycopy(base, 0, out, 0, cut);
                return out;
            }
            case SPLICE -> {
                String otherText = new String(other, StandardCharsets.UTF_8);
                List<String> tail = segments(otherText, otherText.charAt(otherText.indexOf("ISA") + 105));
                int a = 1 + random.nextInt(segments.size() - 1);
                int b = 1 + random.nextInt(tail.size() - 1);
                List<String> spliced = new ArrayList<>(segments.subList(0, a));
                spliced.addAll(tail.subList(b, tail.size()));
                return join(spliced, terminator);
            }
            case WRONG_SEPARATORS -> {
                List<String> out = new ArrayList<>(segments);
                int kind = random.nextInt(3);
                if (kind == 0) { // a stretch of segments written with another element separator
                    int from = 1 + random.nextInt(out.size() - 1);
                    int to = Math.min(out.size(), from + 1 + random.nextInt(20));
                    for (int i = from; i < to; i++) {
                        out.set(i, out.get(i).replace(element, '|'));
                    }
                    return join(out, terminator);
                } else if (kind == 1) { // segment terminators lost in a stretch: segments run together
                    int at = 1 + random.nextInt(out.size() - 2);
                    out.set(at, out.get(at) + out.remove(at + 1).strip());
                    return join(out, terminator);
                } else { // the ISA declares one separator and the file uses another
                    String isa = out.get(0);
                    out.set(0, isa.replace(element, '^'));
                    return join(out, terminator);
                }
            }
            case BINARY_NOISE -> {
                byte[] out = base.clone();
                int bytes = 1 + random.nextInt(12);
                for (int i = 0; i < bytes; i++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
                return out;
            }
            case HUGE_ELEMENT -> {
                List<String> out = new ArrayList<>(segments);
                int at = 1 + random.nextInt(out.size() - 1);
                String seg = out.get(at);
                String[] parts = seg.split(Pattern.quote(String.valueOf(element)), -1);
                int e = parts.length > 1 ? 1 + random.nextInt(parts.length - 1) : 0;
                int size = 5_000 + random.nextInt(95_000);
                char c = "A9. -".charAt(random.nextInt(5));
                parts[e] = String.valueOf(c).repeat(size);
                out.set(at, String.join(String.valueOf(element), parts));
                return join(out, terminator);
            }
            default -> throw new IllegalStateException(m + " " + n);
        }
    }

    private static List<String> segments(String text, char terminator) {
        List<String> out = new ArrayList<>();
        int at = 0;
        int next;
        while ((next = text.indexOf(terminator, at)) >= 0) {
            out.add(text.substring(at, next).strip());
            at = next + 1;
        }
        return out;
    }

    private static byte[] join(List<String> segments, char terminator) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            b.append(s).append(terminator).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- CSV mutations ------------------------------------------------------------------------------------------

    private static final String HEADER = CsvImportTest.HEADER.strip();

    static byte[] csv(CsvMutation m, Random random, int i) {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        int claims = 1 + random.nextInt(6);
        for (int c = 0; c < claims; c++) {
            String pcn = String.format("HX%06d%02d", i, c);
            rows.add(pcn + ",1234567893,ACME1,W" + c + ",DOE,64483,1900.00,317.83,CO-45:1582.17,ERA" + i + "-" + c + ",EFT" + i);
        }
        String clean = String.join("\n", rows) + "\n";
        switch (m) {
            case TRUNCATE -> {
                byte[] all = clean.getBytes(StandardCharsets.UTF_8);
                int cut = HEADER.length() / 2 + random.nextInt(all.length - HEADER.length() / 2);
                String t = new String(all, 0, cut, StandardCharsets.UTF_8);
                return (t.contains("\n") ? t : t).getBytes(StandardCharsets.UTF_8);
            }
            case WRONG_DELIMITER -> {
                return clean.replace(',', ';').getBytes(StandardCharsets.UTF_8);
            }
            case MISSING_COLUMN -> {
                int drop = random.nextInt(7); // one of the required columns or a value column
                List<String> out = new ArrayList<>();
                for (String r : rows) {
                    List<String> cells = new ArrayList<>(List.of(r.split(",", -1)));
                    cells.remove(drop == 0 ? 0 : drop == 1 ? 5 : drop);
                    out.add(String.join(",", cells));
                }
                return (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            case EXTRA_CELLS -> {
                int row = 1 + random.nextInt(rows.size() - 1);
                rows.set(row, rows.get(row) + ",surplus,cells");
                return (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            case UNBALANCED_QUOTE -> {
                int row = 1 + random.nextInt(rows.size() - 1);
                rows.set(row, rows.get(row).replaceFirst(",DOE,", ",\"DOE,"));
                return (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            case BINARY_NOISE -> {
                byte[] out = clean.getBytes(StandardCharsets.UTF_8);
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    out[HEADER.length() + 1 + random.nextInt(out.length - HEADER.length() - 1)] = (byte) random.nextInt(256);
                }
                return out;
            }
            case HUGE_CELL -> {
                int row = 1 + random.nextInt(rows.size() - 1);
                String[] cells = rows.get(row).split(",", -1);
                cells[random.nextInt(cells.length)] = "9".repeat(5_000 + random.nextInt(50_000));
                rows.set(row, String.join(",", cells));
                return (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            case BAD_VALUES -> {
                int row = 1 + random.nextInt(rows.size() - 1);
                String[] bad = {"1,900.00", "abc", "-", "1e9", "12.345", "$", "NaN", "0x10"};
                rows.set(row, rows.get(row).replace(",1900.00,", ",\"" + bad[random.nextInt(bad.length)] + "\","));
                return (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            case EMPTY -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                String[] empties = {"", "\n\n\n", HEADER + "\n", "\uFEFF", " , , \n"};
                out.writeBytes(empties[random.nextInt(empties.length)].getBytes(StandardCharsets.UTF_8));
                return out.toByteArray();
            }
            default -> throw new IllegalStateException(String.valueOf(m));
        }
    }
}
