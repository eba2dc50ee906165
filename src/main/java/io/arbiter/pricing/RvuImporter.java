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
 * Imports a CMS PPRRVU CSV as CMS publishes it: title and note rows, a header split over several
 * rows ending with the row that starts "HCPCS", then one row per code/modifier. Column names are
 * assembled per column from the stacked header cells ("WORK" over "RVU" = "WORK RVU") and columns are
 * found by name, so the 2026 file's extra PRIC IND column shifts nothing.
 */
@Singleton
public class RvuImporter {

    static final List<String> REQUIRED = List.of("HCPCS", "MOD", "STATUS CODE", "WORK RVU", "NON-FAC PE RVU",
            "FACILITY PE RVU", "MP RVU", "GLOB DAYS", "MULT PROC", "BILAT SURG", "CONV FACTOR");
    private static final Pattern TITLE = Pattern.compile("(\\d{4}) National Physician Fee Schedule Relative Value File\\s+(\\w+) Release",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RVU_ID = Pattern.compile("\\b(RVU\\d{2}[A-D])\\b");

    private final FeeScheduleStore store;

    public RvuImporter(FeeScheduleStore store) {
        this.store = store;
    }

    /** Result of an import: the stored release. */
    public FeeRelease importFile(String fileName, byte[] bytes, @Nullable String release, @Nullable LocalDate from, @Nullable LocalDate to) {
        List<CSVRecord> records = CsvFiles.records(bytes);
        int headerIndex = -1;
        for (int i = 0; i < records.size(); i++) {
            if (CsvFiles.normalize(CsvFiles.cell(records.get(i), 0)).equals("HCPCS")) {
                headerIndex = i;
                break;
            }
        }
        if (headerIndex < 0) {
            throw ImportErrors.single(1, null, "no header row starting with HCPCS was found", "PPRRVU file");
        }
        Map<String, Integer> columns = headerColumns(records, headerIndex);
        ImportErrors errors = new ImportErrors();
        long headerLine = records.get(headerIndex).getRecordNumber();
        for (String name : REQUIRED) {
            if (!columns.containsKey(name)) {
                errors.add(headerLine, name, "required column is missing from the header");
            }
        }
        errors.throwIfAny("PPRRVU file");

        // Release name and year from the title rows, unless the caller names them.
        String title = null;
        for (int i = 0; i < headerIndex; i++) {
            for (String cell : records.get(i)) {
                if (TITLE.matcher(cell).find()) {
                    title = cell;
                }
            }
        }
        Integer year = null;
        String derivedName = null;
        if (title != null) {
            Matcher m = TITLE.matcher(title);
            m.find();
            year = Integer.parseInt(m.group(1));
            Matcher id = RVU_ID.matcher(title);
            derivedName = id.find() ? id.group(1) : "PPRRVU" + m.group(1) + "-" + m.group(2).toUpperCase();
        }
        String name = release != null && !release.isBlank() ? release.trim() : derivedName;
        if (name == null) {
            throw ImportErrors.single(1, null, "the release is not named in the file; send the 'release' part", "PPRRVU file");
        }
        LocalDate effectiveFrom = from != null ? from : year != null ? LocalDate.of(year, 1, 1) : null;
        LocalDate effectiveTo = to != null ? to : year != null ? LocalDate.of(year, 12, 31) : null;
        if (effectiveFrom == null || effectiveTo == null) {
            throw ImportErrors.single(1, null, "effective dates are not in the file; send 'effectiveFrom' and 'effectiveTo'", "PPRRVU file");
        }

        List<RvuValue> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BigDecimal cf = null;
        for (int i = headerIndex + 1; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            if (CsvFiles.blank(r)) {
                continue;
            }
            long line = r.getRecordNumber();
            String code = CsvFiles.cell(r, columns.get("HCPCS")).toUpperCase();
            if (!code.matches("[A-Z0-9]{5}")) {
                errors.add(line, "HCPCS", "'" + code + "' is not a 5-character HCPCS/CPT code");
                continue;
            }
            String mod = CsvFiles.cell(r, columns.get("MOD")).toUpperCase();
            if (!mod.isEmpty() && !mod.matches("[A-Z0-9]{2}")) {
                errors.add(line, "MOD", "'" + mod + "' is not a 2-character modifier");
                continue;
            }
            if (!seen.add(code + "|" + mod)) {
                errors.add(line, "HCPCS", "duplicate row for " + code + (mod.isEmpty() ? "" : "-" + mod));
                continue;
            }
            BigDecimal work = number(r, columns, "WORK RVU", line, errors);
            BigDecimal nfPe = number(r, columns, "NON-FAC PE RVU", line, errors);
            BigDecimal fPe = number(r, columns, "FACILITY PE RVU", line, errors);
            BigDecimal mp = number(r, columns, "MP RVU", line, errors);
            BigDecimal rowCf = optionalNumber(r, columns, "CONV FACTOR", line, errors);
            if (work == null || nfPe == null || fPe == null || mp == null) {
                continue;
            }
            if (cf == null && rowCf != null && rowCf.signum() > 0) {
                cf = rowCf;
            }
            values.add(new RvuValue(code, mod, CsvFiles.cell(r, columns.get("STATUS CODE")), work, nfPe,
                    "NA".equalsIgnoreCase(CsvFiles.cell(r, columns.getOrDefault("NON-FAC NA INDICATOR", -1))),
                    fPe, "NA".equalsIgnoreCase(CsvFiles.cell(r, columns.getOrDefault("FACILITY NA INDICATOR", -1))), mp,
                    emptyToNull(CsvFiles.cell(r, columns.getOrDefault("PCTC IND", -1))),
                    emptyToNull(CsvFiles.cell(r, columns.get("GLOB DAYS"))),
                    emptyToNull(CsvFiles.cell(r, columns.get("MULT PROC"))),
                    emptyToNull(CsvFiles.cell(r, columns.get("BILAT SURG"))), rowCf));
        }
        if (values.isEmpty() && errors.isEmpty()) {
            errors.add(headerLine + 1, null, "the file has no data rows after the header");
        }
        errors.throwIfAny("PPRRVU file");
        return store.saveRvuRelease(name, effectiveFrom, effectiveTo, cf, fileName, CsvFiles.sha256(bytes), values);
    }

    /** Column name per index: the non-blank cells stacked directly above (and including) the HCPCS row. */
    static Map<String, Integer> headerColumns(List<CSVRecord> records, int headerIndex) {
        Map<String, Integer> columns = new HashMap<>();
        CSVRecord header = records.get(headerIndex);
        for (int col = 0; col < header.size(); col++) {
            List<String> parts = new ArrayList<>();
            for (int row = headerIndex; row >= 0; row--) {
                String cell = CsvFiles.cell(records.get(row), col);
                if (cell.isEmpty()) {
                    break;
                }
                parts.add(0, cell);
            }
            String name = CsvFiles.normalize(String.join(" ", parts));
            if (!name.isEmpty()) {
                columns.putIfAbsent(name, col);
            }
        }
        return columns;
    }

    private static BigDecimal number(CSVRecord r, Map<String, Integer> columns, String column, long line, ImportErrors errors) {
        String text = CsvFiles.cell(r, columns.get(column));
        try {
            BigDecimal v = CsvFiles.decimal(text);
            if (v.signum() < 0) {
                errors.add(line, column, "must not be negative");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(line, column, text.isEmpty() ? "value is missing" : "'" + text + "' is not a number");
            return null;
        }
    }

    private static BigDecimal optionalNumber(CSVRecord r, Map<String, Integer> columns, String column, long line, ImportErrors errors) {
        String text = CsvFiles.cell(r, columns.get(column));
        return text.isEmpty() ? null : number(r, columns, column, line, errors);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
