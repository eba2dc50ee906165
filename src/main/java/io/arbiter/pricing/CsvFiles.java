package io.arbiter.pricing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Small helpers shared by the CSV importers. */
final class CsvFiles {

    private CsvFiles() {
    }

    static List<CSVRecord> records(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
            return p.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ImportErrors.single(1, null, "not a readable CSV file: " + e.getMessage(), "File");
        }
    }

    static String cell(CSVRecord r, int index) {
        return index < 0 || index >= r.size() ? "" : r.get(index).trim();
    }

    static boolean blank(CSVRecord r) {
        for (String s : r) {
            if (!s.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String normalize(String header) {
        return header.trim().replaceAll("\\s+", " ").toUpperCase();
    }

    static BigDecimal decimal(String text) {
        if (!text.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new NumberFormatException("'" + text + "' is not a number");
        }
        return new BigDecimal(text);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
