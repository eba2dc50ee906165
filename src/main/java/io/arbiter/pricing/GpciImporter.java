package io.arbiter.pricing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVRecord;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports the CMS GPCI table (Addendum E): a title row, then a header with "State", "Locality Number",
 * "Locality Name" and the three GPCI columns named with the year ("2025 PW GPCI (with 1.0 Floor)"),
 * then one row per locality and footnote rows, which are skipped.
 */
@Singleton
public class GpciImporter {

    private static final Pattern YEAR = Pattern.compile("(20\\d{2})");
    private final FeeScheduleStore store;

    public GpciImporter(FeeScheduleStore store) {
        this.store = store;
    }

    public FeeRelease importFile(String fileName, byte[] bytes, @Nullable String release, @Nullable LocalDate from, @Nullable LocalDate to) {
        List<CSVRecord> records = CsvFiles.records(bytes);
        int headerIndex = -1;
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < records.size() && headerIndex < 0; i++) {
            Map<String, Integer> candidate = new HashMap<>();
            CSVRecord r = records.get(i);
            for (int c = 0; c < r.size(); c++) {
                String h = CsvFiles.normalize(r.get(c));
                if (h.equals("STATE")) candidate.put("STATE", c);
                else if (h.startsWith("LOCALITY NUMBER")) candidate.put("LOCALITY", c);
                else if (h.startsWith("LOCALITY NAME")) candidate.put("NAME", c);
                else if (h.contains("MEDICARE ADMINISTRATIVE CONTRACTOR") || h.equals("MAC")) candidate.put("MAC", c);
                else if (h.contains("PW GPCI") || h.contains("WORK GPCI")) candidate.put("WORK", c);
                else if (h.contains("PE GPCI")) candidate.put("PE", c);
                else if (h.contains("MP GPCI")) candidate.put("MP", c);
            }
            if (candidate.containsKey("STATE") && candidate.containsKey("LOCALITY")) {
                headerIndex = i;
                cols = candidate;
            }
        }
        if (headerIndex < 0) {
            throw ImportErrors.single(1, null, "no header row with 'State' and 'Locality Number' was found", "GPCI file");
        }
        ImportErrors errors = new ImportErrors();
        CSVRecord header = records.get(headerIndex);
        for (String[] need : new String[][]{{"WORK", "PW GPCI"}, {"PE", "PE GPCI"}, {"MP", "MP GPCI"}}) {
            if (!cols.containsKey(need[0])) {
                errors.add(header.getRecordNumber(), need[1], "required column is missing from the header");
            }
        }
        errors.throwIfAny("GPCI file");
        Integer year = null;
        Matcher m = YEAR.matcher(header.get(cols.get("WORK")));
        if (m.find()) {
            year = Integer.parseInt(m.group(1));
        }
        String name = release != null && !release.isBlank() ? release.trim() : year != null ? "GPCI" + year : null;
        LocalDate effectiveFrom = from != null ? from : year != null ? LocalDate.of(year, 1, 1) : null;
        LocalDate effectiveTo = to != null ? to : year != null ? LocalDate.of(year, 12, 31) : null;
        if (name == null || effectiveFrom == null || effectiveTo == null) {
            throw ImportErrors.single(header.getRecordNumber(), null,
                    "the year is not in the header; send 'release', 'effectiveFrom' and 'effectiveTo'", "GPCI file");
        }
        List<GpciValue> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = headerIndex + 1; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            String state = CsvFiles.cell(r, cols.get("STATE")).toUpperCase();
            if (CsvFiles.blank(r) || CsvFiles.cell(r, 0).startsWith("*") || state.isEmpty() && CsvFiles.cell(r, cols.get("LOCALITY")).isEmpty()) {
                continue; // footnotes and spacer rows
            }
            long line = r.getRecordNumber();
            if (!state.matches("[A-Z]{2}")) {
                errors.add(line, "State", "'" + state + "' is not a two-letter state");
                continue;
            }
            String locality = CsvFiles.cell(r, cols.get("LOCALITY"));
            if (!locality.matches("\\d{1,3}")) {
                errors.add(line, "Locality Number", "'" + locality + "' is not a locality number");
                continue;
            }
            BigDecimal work = number(r, cols.get("WORK"), header.get(cols.get("WORK")), line, errors);
            BigDecimal pe = number(r, cols.get("PE"), header.get(cols.get("PE")), line, errors);
            BigDecimal mp = number(r, cols.get("MP"), header.get(cols.get("MP")), line, errors);
            if (work == null || pe == null || mp == null) {
                continue;
            }
            String padded = locality.length() == 1 ? "0" + locality : locality;
            if (!seen.add(state + ":" + padded)) {
                errors.add(line, "Locality Number", "duplicate locality " + state + " " + padded);
                continue;
            }
            values.add(new GpciValue(CsvFiles.cell(r, cols.getOrDefault("MAC", -1)), state, padded,
                    CsvFiles.cell(r, cols.getOrDefault("NAME", -1)).replace("*", "").trim(), work, pe, mp));
        }
        if (values.isEmpty() && errors.isEmpty()) {
            errors.add(header.getRecordNumber() + 1, null, "the file has no locality rows");
        }
        errors.throwIfAny("GPCI file");
        return store.saveGpciRelease(name, effectiveFrom, effectiveTo, fileName, CsvFiles.sha256(bytes), values);
    }

    private static BigDecimal number(CSVRecord r, int col, String column, long line, ImportErrors errors) {
        String text = CsvFiles.cell(r, col);
        try {
            BigDecimal v = CsvFiles.decimal(text);
            if (v.signum() <= 0) {
                errors.add(line, column.trim(), "must be positive");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(line, column.trim(), text.isEmpty() ? "value is missing" : "'" + text + "' is not a number");
            return null;
        }
    }
}
