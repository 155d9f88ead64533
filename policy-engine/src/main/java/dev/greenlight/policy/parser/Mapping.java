package dev.greenlight.policy.parser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, validating access to one YAML mapping. Every error it raises carries the file, the
 * offending line and the path of the enclosing element ("stage 'live-25': criterion 'x'"), so
 * the readers built on it never format an error themselves. Keys that are never read are
 * reported by {@link #rejectUnknownKeys} — typos must not be silently ignored.
 */
public final class Mapping {

    private final String file;
    private final String context;
    private final YamlNode node;
    private final Set<String> read = new LinkedHashSet<>();

    public Mapping(String file, String context, YamlNode node) {
        this.file = file;
        this.context = context;
        this.node = node;
        if (node.type() != YamlNode.Type.MAPPING) {
            throw fail(node.line(), "expected a mapping but found " + node.describeType());
        }
    }

    public String file() {
        return file;
    }

    public int line() {
        return node.line();
    }

    public boolean has(String key) {
        read.add(key);
        YamlNode value = node.fields().get(key);
        return value != null && !value.isNull();
    }

    public int lineOf(String key) {
        YamlNode value = node.fields().get(key);
        return value == null ? node.line() : value.line();
    }

    public PolicyParseException fail(int line, String problem) {
        return new PolicyParseException(file, line, (context.isEmpty() ? "" : context + ": ") + problem);
    }

    public PolicyParseException failAt(String key, String problem) {
        return fail(lineOf(key), problem);
    }

    public String string(String key) {
        return optionalString(key).orElseThrow(() -> fail(node.line(), "missing required key '" + key + "'"));
    }

    public Optional<String> optionalString(String key) {
        read.add(key);
        YamlNode value = node.fields().get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.type() != YamlNode.Type.SCALAR) {
            throw fail(value.line(), "'" + key + "' must be a value, not " + value.describeType());
        }
        return Optional.of(value.scalar());
    }

    public boolean bool(String key, boolean fallback) {
        return optionalString(key).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw failAt(key, "'" + key + "' must be true or false, not '" + text + "'");
        }).orElse(fallback);
    }

    public Optional<Integer> optionalInt(String key) {
        return optionalString(key).map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw failAt(key, "'" + key + "' must be a whole number, not '" + text + "'");
            }
        });
    }

    public Optional<Double> optionalNumber(String key) {
        return optionalString(key).map(text -> {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw failAt(key, "'" + key + "' must be a number, not '" + text + "'");
            }
        });
    }

    public double number(String key) {
        return optionalNumber(key).orElseThrow(() -> fail(node.line(), "missing required key '" + key + "'"));
    }

    public Optional<Duration> optionalDuration(String key) {
        return optionalString(key).map(text -> Durations.parse(text).orElseThrow(() -> failAt(key,
                "'" + key + "' must be a duration like 30m, 24h or 3d, not '" + text + "'")));
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return parseEnum(key, string(key), type);
    }

    public <E extends Enum<E>> E parseEnum(String key, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw failAt(key, "unknown " + key + " '" + text + "' (expected one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
        }
    }

    public List<String> strings(String key) {
        read.add(key);
        YamlNode value = node.fields().get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.type() == YamlNode.Type.SCALAR) {
            return List.of(value.scalar());
        }
        if (value.type() != YamlNode.Type.SEQUENCE) {
            throw fail(value.line(), "'" + key + "' must be a list of values");
        }
        List<String> result = new ArrayList<>();
        for (YamlNode item : value.items()) {
            if (item.type() != YamlNode.Type.SCALAR || item.isNull()) {
                throw fail(item.line(), "'" + key + "' must be a list of values");
            }
            result.add(item.scalar());
        }
        return result;
    }

    public <E extends Enum<E>> Set<E> enums(String key, Class<E> type) {
        Set<E> result = new LinkedHashSet<>();
        strings(key).forEach(text -> result.add(parseEnum(key, text, type)));
        return result;
    }

    public Optional<Mapping> optionalMapping(String key, String childContext) {
        read.add(key);
        YamlNode value = node.fields().get(key);
        return value == null || value.isNull() ? Optional.empty()
                : Optional.of(new Mapping(file, join(childContext), value));
    }

    public Mapping mapping(String key, String childContext) {
        return optionalMapping(key, childContext)
                .orElseThrow(() -> fail(node.line(), "missing required key '" + key + "'"));
    }

    /** Each element of a list of mappings; {@code contextOf} names an element for error paths. */
    public <T> List<T> list(String key, Function<Mapping, String> contextOf, Function<Mapping, T> reader) {
        read.add(key);
        YamlNode value = node.fields().get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.type() != YamlNode.Type.SEQUENCE) {
            throw fail(value.line(), "'" + key + "' must be a list");
        }
        List<T> result = new ArrayList<>();
        for (YamlNode item : value.items()) {
            Mapping element = new Mapping(file, context, item);
            Mapping named = new Mapping(file, join(contextOf.apply(element)), item);
            result.add(reader.apply(named));
        }
        return result;
    }

    /** The raw node of a key, for values whose shape varies (e.g. a baseline name or number). */
    public Optional<YamlNode> raw(String key) {
        read.add(key);
        return Optional.ofNullable(node.fields().get(key)).filter(value -> !value.isNull());
    }

    public Set<String> keys() {
        return node.fields().keySet();
    }

    public void rejectUnknownKeys() {
        for (var entry : node.fields().entrySet()) {
            if (!read.contains(entry.getKey())) {
                throw fail(entry.getValue().line(), "unknown key '" + entry.getKey() + "'");
            }
        }
    }

    private String join(String child) {
        if (child == null || child.isEmpty()) {
            return context;
        }
        return context.isEmpty() ? child : context + ": " + child;
    }
}
