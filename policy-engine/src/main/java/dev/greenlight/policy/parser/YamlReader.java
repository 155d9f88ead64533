package dev.greenlight.policy.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a {@link YamlNode} tree with line numbers, using Jackson's streaming YAML
 * parser. Duplicate keys are rejected: YAML would silently keep the last, hiding a policy mistake.
 * Anchors and aliases ({@code &guards} / {@code *guards}) are resolved here, because Jackson's
 * streaming parser reports an alias only as its name and policies reuse guard lists that way.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    public static YamlNode read(String file, String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new PolicyParseException(file, 1, "the document is empty");
            }
            YamlNode root = readValue(file, (YAMLParser) parser, new HashMap<>());
            if (parser.nextToken() != null) {
                throw new PolicyParseException(file, line(parser), "only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new PolicyParseException(file, line, "invalid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyParseException(file, 1, "unreadable: " + e.getMessage());
        }
    }

    private static YamlNode readValue(String file, YAMLParser parser, Map<String, YamlNode> anchors)
            throws IOException {
        if (parser.isCurrentAlias()) {
            YamlNode anchored = anchors.get(parser.getText());
            if (anchored == null) {
                throw new PolicyParseException(file, line(parser), "unknown alias '*" + parser.getText() + "'");
            }
            return anchored;
        }
        String anchor = parser.getObjectId() == null ? null : parser.getObjectId().toString();
        YamlNode node = readPlain(file, parser, anchors);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private static YamlNode readPlain(String file, YAMLParser parser, Map<String, YamlNode> anchors)
            throws IOException {
        int line = line(parser);
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = line(parser);
                if (fields.containsKey(key)) {
                    throw new PolicyParseException(file, keyLine, "duplicate key '" + key + "'");
                }
                parser.nextToken();
                fields.put(key, readValue(file, parser, anchors));
            }
            return new YamlNode(YamlNode.Type.MAPPING, null, fields, List.of(), line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(file, parser, anchors));
            }
            return new YamlNode(YamlNode.Type.SEQUENCE, null, Map.of(), items, line);
        }
        String scalar = token == JsonToken.VALUE_NULL ? null : parser.getText();
        YamlNode.ScalarKind kind = switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> YamlNode.ScalarKind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> YamlNode.ScalarKind.BOOLEAN;
            default -> YamlNode.ScalarKind.TEXT;
        };
        return new YamlNode(YamlNode.Type.SCALAR, scalar, Map.of(), List.of(), line, kind);
    }

    private static int line(JsonParser parser) {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }
}
