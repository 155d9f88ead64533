package dev.greenlight.policy.parser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers the line it was written on. Jackson's tree model forgets locations,
 * and every validation error must name its line, so the parser builds this small tree instead.
 *
 * @param scalar the text of a scalar, null for null, mappings and sequences
 * @param fields a mapping's entries in document order; empty otherwise
 * @param items a sequence's elements; empty otherwise
 * @param line 1-based line of the value's first token
 */
public record YamlNode(Type type, String scalar, Map<String, YamlNode> fields, List<YamlNode> items, int line) {

    /** The three YAML value shapes (null is a scalar with no text). */
    public enum Type {
        SCALAR, MAPPING, SEQUENCE
    }

    public YamlNode {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        items = List.copyOf(items);
    }

    public boolean isNull() {
        return type == Type.SCALAR && scalar == null;
    }

    public String describeType() {
        return switch (type) {
            case SCALAR -> scalar == null ? "nothing" : "a value";
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
        };
    }
}
