package io.arbiter.cases;

import io.arbiter.common.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports the offer-amount sheet of the CMS Federal IDR public use file (saved as CSV). Columns are
 * matched by name, case-insensitively; the names follow the open-source PUF loaders cited in
 * federal-idr.md §7.4 and are UNVERIFIED against the CMS data dictionary. Re-importing a file of the
 * same name replaces its rows. QPAs under $1 are dropped (the reference's data-quality caution).
 */
@Singleton
public class IdrPufImporter {

    static final String SERVICE_CODE = "service code";
    static final List<String> REQUIRED = List.of(SERVICE_CODE, "prevailing offer");

    private final IdrPufRowRepository rows;

    public IdrPufImporter(IdrPufRowRepository rows) {
        this.rows = rows;
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Result(String sourceFile, int imported, int skipped) {
    }

    @Transactional
    public Result importCsv(String fileName, Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<IdrPufRow> parsed = new ArrayList<>();
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        int skipped = 0;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, String> header = new HashMap<>();
            for (String h : parser.getHeaderNames()) {
                header.put(h.trim().toLowerCase(Locale.ROOT), h);
            }
            for (String required : REQUIRED) {
                if (!header.containsKey(required)) {
                    throw CaseRuleViolation.invalid(fileName + ": the header has no column \"" + required + "\"",
                            List.of(new ApiProblem.ProblemDetail("line 1", "missing column \"" + required + "\"")));
                }
            }
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                String code = get(r, header, SERVICE_CODE);
                if (code == null || code.isBlank()) {
                    errors.add(new ApiProblem.ProblemDetail("line " + line + ", column \"Service Code\"", "is empty"));
                    continue;
                }
                try {
                    BigDecimal qpa = money(get(r, header, "qpa"));
                    if (qpa != null && qpa.compareTo(BigDecimal.ONE) < 0) {
                        skipped++;
                        continue;
                    }
                    parsed.add(new IdrPufRow(null, fileName, code.trim(), get(r, header, "geographical region"),
                            get(r, header, "place of service code"), get(r, header, "initiating party"),
                            get(r, header, "default decision"), get(r, header, "offer selected from provider or issuer"),
                            qpa, money(get(r, header, "provider/facility offer")), money(get(r, header, "health plan/issuer offer")),
                            money(get(r, header, "prevailing offer"))));
                } catch (NumberFormatException e) {
                    errors.add(new ApiProblem.ProblemDetail("line " + line, e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw CaseRuleViolation.invalid(fileName + " has " + errors.size() + " bad rows; nothing was imported", errors);
        }
        rows.deleteBySourceFile(fileName);
        rows.saveAll(parsed);
        return new Result(fileName, parsed.size(), skipped);
    }

    private static @Nullable String get(CSVRecord r, Map<String, String> header, String name) {
        String h = header.get(name);
        return h == null || !r.isMapped(h) ? null : r.get(h);
    }

    static @Nullable BigDecimal money(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.trim().replace("$", "").replace(",", "");
        try {
            return new BigDecimal(t).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + raw + "' is not an amount");
        }
    }
}
