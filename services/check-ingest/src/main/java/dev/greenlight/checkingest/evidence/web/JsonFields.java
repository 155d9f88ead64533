package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import dev.greenlight.checkingest.release.domain.SemanticVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads one JSON object field by field, so that a wrong type, an unknown enum value or a malformed
 * timestamp is reported with the name of the field instead of as "unreadable JSON".
 */
final class JsonFields {

    private final JsonNode node;

    JsonFields(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException("body", "must be a JSON object");
        }
        this.node = node;
    }

    Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new InvalidFieldException(field, "must be a string");
        }
        return Optional.of(value.asString());
    }

    String text(String field) {
        return optionalText(field).orElseThrow(() -> new InvalidFieldException(field, "is required"));
    }

    double number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!value.isNumber()) {
            throw new InvalidFieldException(field, "must be a number");
        }
        return finite(field, value);
    }

    /**
     * The number as a double, refused naming the field when no finite double holds it: a
     * 400-digit integer made {@code asDouble()} throw, which was a 500.
     */
    private static double finite(String field, JsonNode value) {
        double number;
        try {
            number = value.asDouble();
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidFieldException(field, "must be a finite number a double can hold");
        }
        if (!Double.isFinite(number)) {
            throw new InvalidFieldException(field, "must be a finite number a double can hold");
        }
        return number;
    }

    Instant instant(String field) {
        String text = text(field);
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an ISO-8601 UTC timestamp like 2026-11-22T10:15:30Z but was '"
                    + text + "'");
        }
    }

    SemanticVersion version(String field) {
        return optionalVersion(field).orElseThrow(() -> new InvalidFieldException(field, "is required"));
    }

    Optional<SemanticVersion> optionalVersion(String field) {
        return optionalText(field).map(text -> {
            try {
                return SemanticVersion.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(field, "must follow Semantic Versioning 2.0.0: " + e.getMessage());
            }
        });
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field);
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + allowed + " but was '" + text + "'");
        }
    }

    Map<String, Double> numbers(String field) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        object(field).ifPresent(map -> map.properties().forEach(entry -> {
            if (!entry.getValue().isNumber()) {
                throw new InvalidFieldException(field + "." + entry.getKey(), "must be a number");
            }
            numbers.put(entry.getKey(), finite(field + "." + entry.getKey(), entry.getValue()));
        }));
        return numbers;
    }

    /**
     * Structured details: each value a string, a boolean, a number or an array of strings, read
     * as such (a JSON {@code "0"} stays a text); anything else is refused naming the key.
     */
    Map<String, Object> details(String field) {
        Map<String, Object> details = new LinkedHashMap<>();
        object(field).ifPresent(map -> map.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            String name = field + "." + entry.getKey();
            if (value.isString()) {
                details.put(entry.getKey(), value.asString());
            } else if (value.isBoolean()) {
                details.put(entry.getKey(), value.asBoolean());
            } else if (value.isNumber()) {
                details.put(entry.getKey(), finite(name, value));
            } else if (value.isArray()) {
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    if (!value.get(i).isString()) {
                        throw new InvalidFieldException(name + "[" + i + "]", "must be a string: a list holds only strings");
                    }
                    items.add(value.get(i).asString());
                }
                details.put(entry.getKey(), items);
            } else {
                throw new InvalidFieldException(name, "must be a string, a boolean, a number or an array of strings");
            }
        }));
        return details;
    }

    Map<String, String> texts(String field) {
        Map<String, String> texts = new LinkedHashMap<>();
        object(field).ifPresent(map -> map.properties().forEach(entry -> {
            if (!entry.getValue().isString()) {
                throw new InvalidFieldException(field + "." + entry.getKey(), "must be a string");
            }
            texts.put(entry.getKey(), entry.getValue().asString());
        }));
        return texts;
    }

    private Optional<JsonNode> object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new InvalidFieldException(field, "must be a JSON object");
        }
        return Optional.of(value);
    }
}
