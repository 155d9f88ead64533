package dev.greenlight.checkingest.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.evidence.application.Batch;
import dev.greenlight.checkingest.evidence.domain.MetricSample;
import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming reader answers what reading the JSON tree answered, body by body: the same samples,
 * or the same field and rule, or malformed JSON — for well-formed batches and for every way of
 * getting an item wrong (types, missing fields, duplicates, nesting, trailing tokens, limits).
 */
class MetricSamplesReaderTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_ITEMS = 3;
    private static final String OK = "{\"target\":\"ict-qm\",\"name\":\"live_errors_total\",\"value\":1,"
            + "\"observedAt\":\"2026-11-22T10:00:00Z\"}";

    @Test
    void readsWhatTheTreeReadAndRefusesWhatItRefusedWithTheSameField() {
        List<String> bodies = new ArrayList<>(List.of(
                OK,
                "[" + OK + "]",
                "[" + OK + "," + OK.replace("1,", "2.5,") + "]",
                "{\"target\":\"ict-qm\",\"version\":\"2.1.0\",\"name\":\"p99_ms\",\"value\":-1e3,"
                        + "\"observedAt\":\"2026-11-22T10:00:00.123Z\",\"labels\":{\"b\":\"2\",\"a\":\"1\"},"
                        + "\"eventId\":\"mine-1\",\"unknown\":{\"deep\":[1,{\"x\":null}]}}",
                "{\"target\":\"a\",\"target\":\"ict-qm\",\"name\":\"x\",\"value\":1,\"observedAt\":\"2026-11-22T10:00:00Z\","
                        + "\"labels\":{\"k\":1,\"k\":\"v\"}}",
                "", " ", "null", "[]", "[null]", "[1]", "[[" + OK + "]]", "\"text\"", "42", "true",
                "[" + OK + "," + OK + "," + OK + "," + OK + "]",
                "[" + OK + ",{\"target\":7}]",
                OK + " " + OK, OK + " x", "[" + OK, "{\"target\":", "[" + OK + ",]", "{\"target\" \"x\"}"));
        for (String field : List.of("target", "name", "value", "observedAt")) {
            bodies.add(OK.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":null"));
            bodies.add(OK.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":{\"a\":1}"));
            bodies.add(OK.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":[\"x\"]"));
            bodies.add(OK.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":true"));
            bodies.add(OK.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":12"));
            bodies.add(OK.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":\"12\""));
            bodies.add(OK.replaceFirst("\"" + field + "\":[^,}]*,?", ""));
            bodies.add("[" + OK + "," + OK.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":false") + "]");
        }
        for (String extra : List.of("\"version\":\"2.1\"", "\"version\":3", "\"version\":null", "\"labels\":[]",
                "\"labels\":\"x\"", "\"labels\":{\"a\":{}}", "\"labels\":{\"a\":null}", "\"labels\":null",
                "\"eventId\":5", "\"eventId\":\"has space\"", "\"eventId\":null", "\"value\":1" + "0".repeat(400),
                "\"value\":1e999", "\"value\":-0.0", "\"value\":\"NaN\"", "\"target\":\"Not A Target\"",
                "\"name\":\"CamelCase\"", "\"observedAt\":\"2026-11-22 10:00:00\"", "\"observedAt\":\"2026-11-22T10:00:00+01:00\"")) {
            bodies.add(OK.replace("}", "," + extra + "}"));
            bodies.add("[" + OK + "," + OK.replace("}", "," + extra + "}") + "]");
        }
        for (String body : bodies) {
            assertThat(outcome(() -> streaming(body))).as(body).isEqualTo(outcome(() -> tree(body)));
        }
    }

    private static Batch<MetricSample> streaming(String body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            return MetricSamplesReader.read(parser, MAX_ITEMS);
        }
    }

    /** How MetricController read a body before: the whole tree, then each item through {@link JsonFields}. */
    private static Batch<MetricSample> tree(String body) {
        return Items.read(MAPPER.readTree(body), MAX_ITEMS, item -> new MetricSample(item.text("target"),
                item.optionalVersion("version"), item.text("name"), item.number("value"), item.instant("observedAt"),
                item.texts("labels"), item.optionalText("eventId")));
    }

    private static Object outcome(Supplier<Batch<MetricSample>> read) {
        try {
            return read.get();
        } catch (InvalidFieldException e) {
            return e.field() + " " + e.rule();
        } catch (JacksonException e) {
            return "malformed JSON";
        }
    }
}
