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
 * @param scalarKind how a scalar was written: a plain number or boolean, or text (quoted or not);
 *                   TEXT for everything else. Typed values (a check detail's {@code equals: 0}
 *                   against {@code equals: "0"}) need the difference; every other key reads text.
 */
public record YamlNode(Type type, String scalar, Map<String, YamlNode> fields, List<YamlNode> items, int line,
                       ScalarKind scalarKind) {

    /** How YAML typed a scalar: {@code 0} is a NUMBER, {@code "0"} and {@code GO} are TEXT, {@code true} a BOOLEAN. */
    public enum ScalarKind {
        TEXT, NUMBER, BOOLEAN
    }

    public YamlNode(Type type, String scalar, Map<String, YamlNode> fields, List<YamlNode> items, int line) {
        this(type, scalar, fields, items, line, ScalarKind.TEXT);
    }

    /** The three YAML value shapes (null is a scalar with no text). */
    public enum Type {
        SCALAR, MAPPING, SEQUENCE
    }

    public YamlNode {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        items = List.copyOf(items);
        scalarKind = scalarKind == null ? ScalarKind.TEXT : scalarKind;
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
