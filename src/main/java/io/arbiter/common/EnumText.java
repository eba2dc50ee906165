package io.arbiter.common;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * A constant named in text a person typed (a form field, a query parameter), in any case. Anything else is a 422 that
 * names the field and lists the choices — the same answer a JSON body gets (EnumValueErrorHandler).
 */
public final class EnumText {

    private EnumText() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, @Nullable String text, String field) {
        E e = parseOptional(type, text, field);
        if (e == null) {
            throw invalid(field, "is required (one of " + choices(type) + ")");
        }
        return e;
    }

    /** Null for blank text. */
    public static <E extends Enum<E>> @Nullable E parseOptional(Class<E> type, @Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(field, notOneOf(text, type));
        }
    }

    static String notOneOf(String text, Class<?> type) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "'" + shown + "' is not one of " + choices(type);
    }

    static List<Object> choices(Class<?> type) {
        return List.of(type.getEnumConstants());
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.unprocessable(field + " " + message, List.of(new ApiProblem.ProblemDetail(field, message)));
    }
}
