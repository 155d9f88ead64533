package dev.greenlight.policy.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The values a check run's structured details may hold — text, a boolean, a number or a list of
 * texts — and their one canonical Java form (String, Boolean, Double, List&lt;String&gt;). Keeping the
 * set closed and normalised here means a criterion's condition, a decision's observed text and
 * a replay all see the same value, whatever reader (Avro, JSON, YAML) produced it.
 */
public final class DetailValues {

    /** A detail key: a letter, then letters, digits, '_' or '-'; at most 64 characters (openFixes, coverage_pct). */
    public static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    /** The rule of {@link #KEY} in words, for error messages. */
    public static final String KEY_RULE =
            "must start with a letter and hold only letters, digits, '_' or '-', at most 64 characters";
    /** At most this many details per check run. */
    public static final int MAX_KEYS = 64;
    /** At most this many characters per text (a list item included). */
    public static final int MAX_TEXT = 1024;
    /** At most this many items per list. */
    public static final int MAX_LIST_ITEMS = 100;

    private DetailValues() {
    }

    /** An immutable, key-sorted copy with every value normalised; refuses any other value type. */
    public static Map<String, Object> copyOf(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, Object> copy = new TreeMap<>();
        details.forEach((key, value) -> copy.put(key, normalise(key, value)));
        return Collections.unmodifiableMap(copy);
    }

    /** The canonical form of one value; an IllegalArgumentException names the key otherwise. */
    public static Object normalise(String key, Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof CharSequence text)) {
                    throw new IllegalArgumentException("detail '" + key + "': a list may hold only texts");
                }
                texts.add(text.toString());
            }
            return List.copyOf(texts);
        }
        throw new IllegalArgumentException("detail '" + key + "' must be a text, a boolean, a number or a list of texts");
    }

    /** The type name used in reasons and errors: text, boolean, number or list. */
    public static String typeOf(Object value) {
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Double) {
            return "number";
        }
        return "list";
    }

    /** A value as a reader of a decision sees it: 0 not 0.0, texts bare, lists in brackets. */
    public static String format(Object value) {
        if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                return number.toString();
            }
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(String::valueOf).toList()) + "]";
        }
        return String.valueOf(value);
    }
}
