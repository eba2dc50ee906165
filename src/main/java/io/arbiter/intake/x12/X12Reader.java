package io.arbiter.intake.x12;

import io.arbiter.intake.Issues;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Streams the segments of an X12 file through StAEDI, one {@link Segment} at a time (memory stays
 * bounded whatever the file size). StAEDI reads the separators from ISA and validates the envelopes
 * (SE/GE/IEA counts and control numbers); its findings become located {@link Issues}. A UTF-8 BOM
 * and leading whitespace are skipped first because StAEDI refuses them.
 */
public final class X12Reader {

    private X12Reader() {
    }

    /** Skips a UTF-8 BOM and whitespace; true when what follows starts with "ISA". */
    public static boolean startsWithIsa(BufferedInputStream in) throws IOException {
        skipBomAndWhitespace(in);
        in.mark(4);
        byte[] head = in.readNBytes(3);
        in.reset();
        return head.length == 3 && head[0] == 'I' && head[1] == 'S' && head[2] == 'A';
    }

    public static void skipBomAndWhitespace(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        while (true) {
            in.mark(1);
            int b = in.read();
            if (b == -1) {
                return;
            }
            if (b != ' ' && b != '\r' && b != '\n' && b != '\t') {
                in.reset();
                return;
            }
        }
    }

    /**
     * Reads every segment of {@code in} (already positioned at "ISA") into {@code sink}. Envelope
     * errors are reported to {@code issues}; reading stops at the first structural failure.
     */
    public static void read(BufferedInputStream in, Issues issues, Consumer<Segment> sink) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // CR/LF and indentation after a segment terminator are common in real files.
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        int segmentNumber = 0;
        String tag = null;
        String[][] elements = new String[64][];
        int maxElement = 0;
        int transactionStart = 0;
        int groupTransactions = 0;
        int interchangeGroups = 0;
        boolean inInterchange = false;
        boolean inTransaction = false;
        boolean inGroup = false;
        EDIStreamReader reader = null;
        try {
            reader = factory.createEDIStreamReader(in, "UTF-8");
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> {
                        inInterchange = true;
                        interchangeGroups = 0;
                    }
                    case END_INTERCHANGE -> inInterchange = false;
                    case START_GROUP -> {
                        inGroup = true;
                        groupTransactions = 0;
                        interchangeGroups++;
                    }
                    case END_GROUP -> inGroup = false;
                    case START_TRANSACTION -> {
                        inTransaction = true;
                        groupTransactions++;
                    }
                    case END_TRANSACTION -> inTransaction = false;
                    case START_SEGMENT -> {
                        segmentNumber++;
                        tag = reader.getText();
                        maxElement = 0;
                        if ("ST".equals(tag)) {
                            transactionStart = segmentNumber;
                        }
                    }
                    case ELEMENT_DATA -> {
                        Location l = reader.getLocation();
                        int e = l.getElementPosition();
                        if (l.getElementOccurrence() > 1 || e <= 0) {
                            break;
                        }
                        if (e >= elements.length) {
                            elements = Arrays.copyOf(elements, e + 16);
                        }
                        int c = l.getComponentPosition();
                        String text = reader.getText();
                        if (c <= 0) {
                            elements[e] = new String[]{text};
                        } else {
                            String[] comps = elements[e];
                            if (comps == null || comps.length < c || e > maxElement) {
                                comps = comps == null || e > maxElement ? new String[Math.max(c, 4)] : Arrays.copyOf(comps, Math.max(c, comps.length * 2));
                                elements[e] = comps;
                            }
                            comps[c - 1] = text;
                        }
                        for (int k = maxElement + 1; k < e; k++) {
                            elements[k] = null;
                        }
                        maxElement = Math.max(maxElement, e);
                    }
                    case END_SEGMENT -> {
                        String[][] copy = new String[maxElement + 1][];
                        for (int k = 1; k <= maxElement; k++) {
                            String[] comps = elements[k];
                            if (comps != null && comps.length > 1) {
                                int n = comps.length;
                                while (n > 1 && comps[n - 1] == null) {
                                    n--;
                                }
                                comps = n == comps.length ? comps : Arrays.copyOf(comps, n);
                            }
                            copy[k] = comps;
                        }
                        sink.accept(new Segment(tag, segmentNumber, copy));
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        Location l = reader.getLocation();
                        String segTag = l.getSegmentTag() != null ? l.getSegmentTag() : tag;
                        int segNo = l.getSegmentPosition() > 0 ? l.getSegmentPosition() : segmentNumber;
                        String where = "segment " + segNo + " (" + segTag + ")"
                                + (l.getElementPosition() > 0 ? ", element " + l.getElementPosition() : "");
                        issues.error(where, describe(reader.getErrorType(), segTag, reader.getText(),
                                segNo - transactionStart + 1, groupTransactions, interchangeGroups));
                    }
                    default -> {
                    }
                }
                if (issues.full()) {
                    return;
                }
            }
            if (segmentNumber == 0) {
                issues.error("segment 1", "no X12 segments found");
            }
        } catch (EDIStreamException | RuntimeException e) {
            if (e instanceof RuntimeException && !e.getClass().getName().startsWith("io.xlate.")) {
                throw (RuntimeException) e; // a failure of the consumer (e.g. the database), not of the input
            }
            String where = tag == null ? "segment 1" : "segment " + segmentNumber + " (" + tag + ")";
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (msg.contains("Unexpected end of stream")) {
                issues.error(where, "the file ends inside this segment: it is truncated ("
                        + (inTransaction ? "no SE/GE/IEA follow" : "envelope not closed") + ")");
            } else {
                issues.error(where, "not readable as X12: " + msg.replaceFirst("^EDIE\\d+ - ", ""));
            }
            return;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException | RuntimeException ignored) {
                    // closing a reader that failed mid-stream has nothing to report
                }
            }
        }
        if (inTransaction || inGroup || inInterchange) {
            issues.error("segment " + segmentNumber + " (" + tag + ")",
                    "the file ends before its envelope is closed (missing " + (inTransaction ? "SE/GE/IEA" : inGroup ? "GE/IEA" : "IEA") + ")");
        }
    }

    private static String describe(EDIStreamValidationError error, String tag, String text, int transactionSegments,
                                   int groupTransactions, int interchangeGroups) {
        if (error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            return switch (tag == null ? "" : tag) {
                case "SE" -> "SE01 says " + text + " segments but the transaction has " + transactionSegments;
                case "GE" -> "GE01 says " + text + " transactions but the group has " + groupTransactions;
                case "IEA" -> "IEA01 says " + text + " groups but the interchange has " + interchangeGroups;
                default -> "count '" + text + "' does not match the actual count";
            };
        }
        if (error == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            return "control number '" + text + "' does not match its header";
        }
        String name = error == null ? "invalid" : error.name().toLowerCase().replace('_', ' ');
        return name + (text == null || text.isEmpty() ? "" : " ('" + text + "')");
    }
}
