package io.arbiter.pricing;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVRecord;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports UCR benchmark rows in the shape of fixtures/benchmarks/README.md. Re-importing the same
 * rows changes nothing (rows are keyed by set, kind, percentile, code, modifier, geozip and start date);
 * a corrected amount or end date updates the row. Any invalid row rejects the whole file.
 */
@Singleton
public class BenchmarkImporter {

    static final List<String> COLUMNS = List.of("set", "kind", "procedure_code", "modifier", "geozip", "percentile", "amount",
            "effective_from", "effective_to");

    private final BenchmarkStore store;

    public BenchmarkImporter(BenchmarkStore store) {
        this.store = store;
    }

    @Serdeable
    public record Result(String fileName, List<String> sets, int rows, int inserted, int updated, int unchanged) {
    }

    public Result importFile(String fileName, byte[] bytes) {
        List<CSVRecord> records = CsvFiles.records(bytes);
        ImportErrors errors = new ImportErrors();
        if (records.isEmpty()) {
            throw ImportErrors.single(1, null, "the file is empty", "Benchmark file");
        }
        CSVRecord header = records.get(0);
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cols.put(header.get(i).trim().toLowerCase(), i);
        }
        for (String c : COLUMNS) {
            if (!cols.containsKey(c)) {
                errors.add(1, c, "required column is missing from the header");
            }
        }
        errors.throwIfAny("Benchmark file");
        List<BenchmarkRate> rates = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            if (CsvFiles.blank(r)) {
                continue;
            }
            long line = r.getRecordNumber();
            int before = errorsCount(errors);
            String set = CsvFiles.cell(r, cols.get("set"));
            if (set.isEmpty() || set.length() > 100) {
                errors.add(line, "set", "set name is required (at most 100 characters)");
            }
            BenchmarkKind kind = null;
            String kindText = CsvFiles.cell(r, cols.get("kind")).toUpperCase();
            try {
                kind = BenchmarkKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                errors.add(line, "kind", "'" + kindText + "' is not BILLED or ALLOWED");
            }
            String code = CsvFiles.cell(r, cols.get("procedure_code")).toUpperCase();
            if (!code.matches("[A-Z0-9]{5}")) {
                errors.add(line, "procedure_code", "'" + code + "' is not a 5-character CPT/HCPCS code");
            }
            String mod = CsvFiles.cell(r, cols.get("modifier")).toUpperCase();
            if (!mod.isEmpty() && !mod.matches("[A-Z0-9]{2}")) {
                errors.add(line, "modifier", "'" + mod + "' is not a 2-character modifier");
            }
            String geozip = CsvFiles.cell(r, cols.get("geozip"));
            if (!geozip.matches("\\d{3}")) {
                errors.add(line, "geozip", "'" + geozip + "' is not a 3-digit geozip");
            }
            int percentile = 0;
            String pText = CsvFiles.cell(r, cols.get("percentile"));
            try {
                percentile = Integer.parseInt(pText);
                if (percentile < 1 || percentile > 99) {
                    errors.add(line, "percentile", "percentile must be between 1 and 99");
                }
            } catch (NumberFormatException e) {
                errors.add(line, "percentile", "'" + pText + "' is not a whole number");
            }
            BigDecimal amount = null;
            String aText = CsvFiles.cell(r, cols.get("amount"));
            try {
                amount = CsvFiles.decimal(aText);
                if (amount.signum() < 0) {
                    errors.add(line, "amount", "amount must not be negative");
                } else if (amount.scale() > 2) {
                    errors.add(line, "amount", "amount has more than two decimals");
                }
            } catch (NumberFormatException e) {
                errors.add(line, "amount", aText.isEmpty() ? "amount is missing" : "'" + aText + "' is not a decimal amount");
            }
            LocalDate from = date(r, cols, "effective_from", line, errors);
            LocalDate to = date(r, cols, "effective_to", line, errors);
            if (from != null && to != null && to.isBefore(from)) {
                errors.add(line, "effective_to", "effective_to is before effective_from");
            }
            if (errorsCount(errors) > before) {
                continue;
            }
            BenchmarkRate rate = new BenchmarkRate(set, kind, code, mod, geozip, percentile, amount.setScale(2), from, to);
            Long dup = seen.put(rate.key(), line);
            if (dup != null) {
                errors.add(line, "procedure_code", "duplicate of line " + dup + " (same set, kind, code, modifier, geozip, percentile, effective_from)");
                continue;
            }
            rates.add(rate);
        }
        if (rates.isEmpty() && errors.isEmpty()) {
            errors.add(2, null, "the file has no data rows");
        }
        errors.throwIfAny("Benchmark file");
        BenchmarkStore.UpsertResult result = store.upsert(rates);
        return new Result(fileName, rates.stream().map(BenchmarkRate::set).distinct().toList(), rates.size(),
                result.inserted(), result.updated(), result.unchanged());
    }

    private static int errorsCount(ImportErrors errors) {
        return errors.count();
    }

    private static LocalDate date(CSVRecord r, Map<String, Integer> cols, String column, long line, ImportErrors errors) {
        String text = CsvFiles.cell(r, cols.get(column));
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(line, column, "'" + text + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }
}
