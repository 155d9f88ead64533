package dev.greenlight.checkingest.evidence.domain;

import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import dev.greenlight.policy.evidence.DetailValues;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The boundary rules for a check's structured details, so that a gate never reads a detail it
 * could misjudge: keys as policies name them, at most {@link DetailValues#MAX_KEYS} of them, values
 * a text, a boolean, a finite number or a list of texts within the size limits. Every refusal names
 * the offending field ({@code details.openFixes}, {@code details.reasons[3]}).
 */
public final class CheckDetails {

    private CheckDetails() {
    }

    /** Validated, key-sorted, normalised details (see {@link DetailValues}). */
    public static Map<String, Object> validate(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return Map.of();
        }
        if (details.size() > DetailValues.MAX_KEYS) {
            throw new InvalidFieldException("details", "must hold at most " + DetailValues.MAX_KEYS
                    + " keys but held " + details.size());
        }
        TreeMap<String, Object> checked = new TreeMap<>();
        details.forEach((key, value) -> {
            if (key == null || !DetailValues.KEY.matcher(key).matches()) {
                throw new InvalidFieldException("details", "key '" + key + "' " + DetailValues.KEY_RULE);
            }
            checked.put(key, value(key, value));
        });
        return DetailValues.copyOf(checked);
    }

    private static Object value(String key, Object value) {
        String field = "details." + key;
        if (value instanceof String text) {
            text(field, text);
            return text;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            if (!Double.isFinite(number.doubleValue())) {
                throw new InvalidFieldException(field, "must be a finite number");
            }
            return number.doubleValue();
        }
        if (value instanceof List<?> list) {
            if (list.size() > DetailValues.MAX_LIST_ITEMS) {
                throw new InvalidFieldException(field, "must hold at most " + DetailValues.MAX_LIST_ITEMS
                        + " items but held " + list.size());
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String text)) {
                    throw new InvalidFieldException(field + "[" + i + "]", "must be a text: a list holds only texts");
                }
                text(field + "[" + i + "]", text);
            }
            return value;
        }
        throw new InvalidFieldException(field, "must be a text, a boolean, a number or a list of texts");
    }

    private static void text(String field, String text) {
        if (text.length() > DetailValues.MAX_TEXT) {
            throw new InvalidFieldException(field, "must be at most " + DetailValues.MAX_TEXT + " characters");
        }
    }

    /** The numbers among the details: the older {@code details} field repeats them for its readers. */
    public static Map<String, Double> numbers(Map<String, Object> details) {
        TreeMap<String, Double> numbers = new TreeMap<>();
        details.forEach((key, value) -> {
            if (value instanceof Double number) {
                numbers.put(key, number);
            }
        });
        return numbers;
    }
}
