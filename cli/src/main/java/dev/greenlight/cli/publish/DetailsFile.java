package dev.greenlight.cli.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --details-file FILE} of {@code check report}: a JSON object of details, e.g. the replay
 * gate's own output ({"id": ..., "mergeBlocked": false, "reasons": [...]}), sent as it is so each
 * value keeps its JSON type. check-ingest validates keys, types and sizes and names the field.
 */
record DetailsFile(Map<String, JsonNode> details) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final class Converter implements ITypeConverter<DetailsFile> {
        @Override
        public DetailsFile convert(String path) {
            JsonNode root;
            try {
                root = JSON.readTree(Files.readString(Path.of(path)));
            } catch (IOException e) {
                throw new TypeConversionException("cannot read " + path + ": " + e.getMessage());
            } catch (JacksonException e) {
                throw new TypeConversionException(path + " is not JSON: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                throw new TypeConversionException(path + " must hold a JSON object of details");
            }
            Map<String, JsonNode> details = new LinkedHashMap<>();
            root.properties().forEach(entry -> details.put(entry.getKey(), entry.getValue()));
            return new DetailsFile(details);
        }
    }
}
