package dev.greenlight.approval.common.web;

import dev.greenlight.platform.failures.InvalidFieldException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enums arrive as plain strings so that an unknown value is reported by field name, with the
 * allowed values, instead of as an unreadable body.
 */
public final class EnumFields {

    private EnumFields() {
    }

    public static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null) {
            throw new InvalidFieldException(field, "is required, one of " + allowed);
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + allowed + " but was '" + value + "'");
        }
    }
}
