package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.Batch;
import dev.greenlight.checkingest.evidence.domain.MetricSample;
import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import dev.greenlight.checkingest.release.domain.SemanticVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a metrics body — one sample object or an array of them — straight from the JSON tokens,
 * without building a {@code JsonNode} tree first: a batch of a hundred samples built a tree of
 * several hundred nodes and hash maps only to copy them into samples, the largest per-sample cost
 * of the batch path after the Kafka client (docs/performance.md, "Batches").
 *
 * <p>It answers exactly what reading the tree with {@link JsonFields} answered: the whole body is
 * read first (malformed JSON anywhere is refused as such, before any field), then each item is
 * checked field by field in the same order with the same messages — a wrong type, a missing field,
 * a malformed timestamp named with the item's index ({@code items[3].observedAt}); the last of
 * duplicate keys counts, as in the tree; unknown fields are ignored.
 */
final class MetricSamplesReader {

    /** A value present with a JSON type the field does not take. */
    private static final Object WRONG_TYPE = new Object();
    /** A number no finite double holds. */
    private static final Object NOT_A_DOUBLE = new Object();

    private MetricSamplesReader() {
    }

    /**
     * @throws JacksonException      when the body is not well-formed JSON (one value, nothing after it)
     * @throws InvalidFieldException naming the first invalid field, within its item in an array
     */
    static Batch<MetricSample> read(JsonParser parser, int maxItems) {
        JsonToken root = parser.nextToken();
        List<Object> items = new ArrayList<>();
        boolean array = root == JsonToken.START_ARRAY;
        if (array) {
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                items.add(item(parser, token));
            }
        } else if (root != null) {
            items.add(item(parser, root));
        }
        if (parser.nextToken() != null) {
            throw new JsonEnd(parser);
        }
        if (root == null || root == JsonToken.VALUE_NULL) {
            throw new InvalidFieldException("body", "is required");
        }
        if (items.size() > maxItems) {
            throw new InvalidFieldException("items", "must hold at most " + maxItems + " items but held " + items.size());
        }
        return Batch.build(array, items.size(), i -> sample(items.get(i)));
    }

    /** One item: a {@link Raw} when it is an object, {@link #WRONG_TYPE} otherwise (its children skipped). */
    private static Object item(JsonParser parser, JsonToken token) {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return WRONG_TYPE;
        }
        Raw raw = new Raw();
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "target" -> raw.target = text(parser, value);
                case "version" -> raw.version = text(parser, value);
                case "name" -> raw.name = text(parser, value);
                case "value" -> raw.value = number(parser, value);
                case "observedAt" -> raw.observedAt = text(parser, value);
                case "labels" -> raw.labels = labels(parser, value);
                case "eventId" -> raw.eventId = text(parser, value);
                default -> parser.skipChildren();
            }
        }
        return raw;
    }

    /** The string, null when absent or JSON null, {@link #WRONG_TYPE} for any other value. */
    private static Object text(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        parser.skipChildren();
        return WRONG_TYPE;
    }

    private static Object number(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            try {
                double value = parser.getDoubleValue();
                return Double.isFinite(value) ? (Object) value : NOT_A_DOUBLE;
            } catch (JacksonException e) {
                return NOT_A_DOUBLE;
            }
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        parser.skipChildren();
        return WRONG_TYPE;
    }

    /** The labels in document order (each a String or {@link #WRONG_TYPE}), null, or {@link #WRONG_TYPE}. */
    private static Object labels(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return WRONG_TYPE;
        }
        Map<String, Object> labels = new LinkedHashMap<>();
        String key;
        while ((key = parser.nextName()) != null) {
            labels.put(key, text(parser, parser.nextToken()) instanceof String text ? text : WRONG_TYPE);
        }
        return labels;
    }

    /** As {@code MetricController} read a sample from the tree: the same fields in the same order, the same rules. */
    private static MetricSample sample(Object item) {
        if (!(item instanceof Raw raw)) {
            throw new InvalidFieldException("body", "must be a JSON object");
        }
        String target = required("target", raw.target);
        Optional<SemanticVersion> version = optionalVersion(raw.version);
        String name = required("name", raw.name);
        double value = value(raw.value);
        Instant observedAt = instant(required("observedAt", raw.observedAt));
        Map<String, String> labels = labels(raw.labels);
        Optional<String> eventId = Optional.ofNullable(optional("eventId", raw.eventId));
        return new MetricSample(target, version, name, value, observedAt, labels, eventId);
    }

    private static String optional(String field, Object text) {
        if (text == WRONG_TYPE) {
            throw new InvalidFieldException(field, "must be a string");
        }
        return (String) text;
    }

    private static String required(String field, Object text) {
        String value = optional(field, text);
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    private static Optional<SemanticVersion> optionalVersion(Object text) {
        String version = optional("version", text);
        if (version == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SemanticVersion.parse(version));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("version", "must follow Semantic Versioning 2.0.0: " + e.getMessage());
        }
    }

    private static double value(Object number) {
        if (number == null) {
            throw new InvalidFieldException("value", "is required");
        }
        if (number == WRONG_TYPE) {
            throw new InvalidFieldException("value", "must be a number");
        }
        if (number == NOT_A_DOUBLE) {
            throw new InvalidFieldException("value", "must be a finite number a double can hold");
        }
        return (Double) number;
    }

    private static Instant instant(String text) {
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("observedAt",
                    "must be an ISO-8601 UTC timestamp like 2026-11-22T10:15:30Z but was '" + text + "'");
        }
    }

    private static Map<String, String> labels(Object labels) {
        if (labels == null) {
            return Map.of();
        }
        if (labels == WRONG_TYPE) {
            throw new InvalidFieldException("labels", "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) labels;
        Map<String, String> texts = new LinkedHashMap<>();
        read.forEach((key, value) -> {
            if (!(value instanceof String text)) {
                throw new InvalidFieldException("labels." + key, "must be a string");
            }
            texts.put(key, text);
        });
        return texts;
    }

    /** A sample's fields as read, before any rule is applied: the tree's content, without the tree. */
    private static final class Raw {
        Object target;
        Object version;
        Object name;
        Object value;
        Object observedAt;
        Object labels;
        Object eventId;
    }

    /** Something after the body's one JSON value, refused like the tree reader refused trailing tokens. */
    static final class JsonEnd extends tools.jackson.core.exc.StreamReadException {

        JsonEnd(JsonParser parser) {
            super(parser, "Trailing token (of type " + parser.currentToken() + ") found after the request body's JSON value");
        }
    }
}
