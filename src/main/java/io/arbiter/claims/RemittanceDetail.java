package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The CAS adjustments and RARCs of one remittance (CLP loop), kept in two text columns of its own row
 * ({@code remittance.adjustments}, {@code remittance.remark_codes}) rather than one row each.
 *
 * <p>Why: a remittance is a record as received and never changes; it is always read whole, with its claim; and
 * one row per adjustment and per remark code was half of the rows an 835 import wrote (see docs/decisions.md,
 * "Remittance detail"). A claim's current picture is the detail of its remittances that are not cancelled.
 *
 * <p>Format: entries separated by {@code ;}, fields by {@code ,}, an empty field is null.
 * Adjustment: {@code claimLineId,group,reason,amount,quantity} (no line id: claim level).
 * Remark code: {@code claimLineId,code,source}. {@code %}, {@code ,} and {@code ;} inside a field are written
 * {@code %25}, {@code %2C}, {@code %3B}. Example: {@code 17,CO,45,1502.71,;17,PR,2,79.46,}. No entries: null.
 */
public final class RemittanceDetail {

    private RemittanceDetail() {
    }

    /** Appends one adjustment entry to {@code out} (the writer builds a remittance's text without intermediate objects). */
    public static void appendAdjustment(StringBuilder out, @Nullable Long claimLineId, String group, String reason, BigDecimal amount,
                                        @Nullable BigDecimal quantity) {
        if (!out.isEmpty()) {
            out.append(';');
        }
        if (claimLineId != null) {
            out.append(claimLineId.longValue());
        }
        out.append(',');
        field(out, group);
        out.append(',');
        field(out, reason);
        out.append(',').append(amount.toPlainString()).append(',');
        if (quantity != null) {
            out.append(quantity.toPlainString());
        }
    }

    /** Appends one remark code entry to {@code out}. */
    public static void appendRemark(StringBuilder out, @Nullable Long claimLineId, String code, String source) {
        if (!out.isEmpty()) {
            out.append(';');
        }
        if (claimLineId != null) {
            out.append(claimLineId.longValue());
        }
        out.append(',');
        field(out, code);
        out.append(',');
        field(out, source);
    }

    /** The text of these adjustments, or null when there are none. */
    public static @Nullable String adjustments(List<Adjustment> adjustments) {
        StringBuilder sb = new StringBuilder();
        for (Adjustment a : adjustments) {
            appendAdjustment(sb, a.claimLineId(), a.groupCode(), a.reasonCode(), a.amount(), a.quantity());
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** The text of these remark codes, or null when there are none. */
    public static @Nullable String remarks(List<RemarkCode> remarks) {
        StringBuilder sb = new StringBuilder();
        for (RemarkCode r : remarks) {
            appendRemark(sb, r.claimLineId(), r.code(), r.source());
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** The adjustments stored as {@code text} on remittance {@code remittanceId} of claim {@code claimId}, in the order received. */
    public static List<Adjustment> adjustments(Long claimId, @Nullable Long remittanceId, @Nullable String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Adjustment> out = new ArrayList<>();
        for (List<String> f : entries(text, 5)) {
            try {
                out.add(new Adjustment(claimId, lineId(f.get(0)), remittanceId, f.get(1), f.get(2), new BigDecimal(f.get(3)),
                        f.get(4).isEmpty() ? null : new BigDecimal(f.get(4))));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("remittance " + remittanceId + ": adjustment entry " + f + " has a bad number", e);
            }
        }
        return out;
    }

    /** The remark codes stored as {@code text} on remittance {@code remittanceId} of claim {@code claimId}, in the order received. */
    public static List<RemarkCode> remarks(Long claimId, @Nullable Long remittanceId, @Nullable String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<RemarkCode> out = new ArrayList<>();
        for (List<String> f : entries(text, 3)) {
            out.add(new RemarkCode(claimId, lineId(f.get(0)), remittanceId, f.get(1), f.get(2)));
        }
        return out;
    }

    private static @Nullable Long lineId(String f) {
        return f.isEmpty() ? null : Long.valueOf(f);
    }

    private static List<List<String>> entries(String text, int fields) {
        List<List<String>> out = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(';', start);
            if (end < 0) {
                end = text.length();
            }
            List<String> f = new ArrayList<>(fields);
            int from = start;
            for (int i = start; i <= end; i++) {
                if (i == end || text.charAt(i) == ',') {
                    f.add(unescape(text, from, i));
                    from = i + 1;
                }
            }
            if (f.size() != fields) {
                throw new IllegalStateException("remittance detail entry '" + text.substring(start, end) + "' has " + f.size()
                        + " fields, expected " + fields);
            }
            out.add(Collections.unmodifiableList(f));
            start = end + 1;
        }
        return out;
    }

    private static void field(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '%' -> out.append("%25");
                case ',' -> out.append("%2C");
                case ';' -> out.append("%3B");
                default -> out.append(ch);
            }
        }
    }

    private static String unescape(String text, int from, int to) {
        int pct = text.indexOf('%', from);
        if (pct < 0 || pct >= to) {
            return text.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch == '%') {
                if (i + 2 >= to) {
                    throw new IllegalStateException("remittance detail '" + text.substring(from, to) + "' ends inside an escape");
                }
                sb.append((char) Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
