package dev.greenlight.cli.publish;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code --detail KEY=VALUE} of {@code check report}, typed as a CI script means it: a JSON
 * value keeps its type ({@code openFixes=0} a number, {@code mergeBlocked=false} a boolean,
 * {@code code="0"} a text, {@code reasons=["a","b"]} a list of texts); anything that is not JSON
 * ({@code verdict=PASS-WITH-FIXES}) is text. check-ingest judges keys and sizes; a JSON object or
 * null is refused here, as the service would.
 */
record CheckDetail(String key, JsonNode value) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final class Converter implements ITypeConverter<CheckDetail> {
        @Override
        public CheckDetail convert(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new TypeConversionException("'" + text + "' is not KEY=VALUE (e.g. openFixes=0)");
            }
            String key = text.substring(0, equals);
            return new CheckDetail(key, value(key, text.substring(equals + 1)));
        }
    }

    static JsonNode value(String key, String text) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text);
        } catch (JacksonException e) {
            return JSON.getNodeFactory().stringNode(text);
        }
        if (parsed == null || parsed.isMissingNode()) {
            return JSON.getNodeFactory().stringNode(text);
        }
        if (parsed.isNull() || parsed.isObject()) {
            throw new TypeConversionException("detail '" + key
                    + "' must be a text, a boolean, a number or a list of texts, not " + (parsed.isNull() ? "null" : "an object"));
        }
        return parsed;
    }
}
