package dev.greenlight.policy.parser;

import dev.greenlight.policy.evidence.DetailValues;
import dev.greenlight.policy.model.DetailCondition;
import dev.greenlight.policy.model.DetailTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a check criterion's {@code details:} mapping — detail key to tests, e.g.
 * {@code openFixes: {equals: 0}} — into typed conditions. Every error names the detail and the
 * test ("details: 'openFixes': 'atMost' must be a number, not 'none'"), and an unknown test lists
 * the known ones, so a typo never becomes a condition that silently holds.
 */
final class DetailConditionReader {

    private DetailConditionReader() {
    }

    static List<DetailCondition> read(Mapping criterion) {
        var details = criterion.optionalMapping("details", "details");
        if (details.isEmpty()) {
            return List.of();
        }
        Mapping m = details.get();
        if (m.keys().isEmpty()) {
            throw m.fail(m.line(), "'details' needs at least one detail key with a condition, e.g. openFixes: {equals: 0}");
        }
        List<DetailCondition> conditions = new ArrayList<>();
        for (String key : m.keys()) {
            if (!DetailValues.KEY.matcher(key).matches()) {
                throw m.failAt(key, "detail key '" + key + "' " + DetailValues.KEY_RULE);
            }
            YamlNode tests = m.raw(key).orElseThrow(() -> m.failAt(key,
                    "'" + key + "' needs a condition, e.g. {equals: 0}"));
            if (tests.type() != YamlNode.Type.MAPPING || tests.fields().isEmpty()) {
                throw m.failAt(key, "'" + key + "' must be a mapping of conditions, e.g. {equals: 0} (one of "
                        + String.join(", ", DetailTest.keys()) + ")");
            }
            for (Map.Entry<String, YamlNode> entry : tests.fields().entrySet()) {
                String where = "'" + key + "': ";
                DetailTest test = DetailTest.byKey(entry.getKey()).orElseThrow(() -> m.fail(entry.getValue().line(),
                        where + "unknown condition '" + entry.getKey() + "' (expected one of "
                                + String.join(", ", DetailTest.keys()) + ")"));
                conditions.add(new DetailCondition(key, test, operand(m, where, test, entry.getValue())));
            }
        }
        return conditions;
    }

    private static Object operand(Mapping m, String where, DetailTest test, YamlNode node) {
        String name = where + "'" + test.key() + "'";
        return switch (test.operand()) {
            case SCALAR -> scalar(m, name, node);
            case SCALARS -> {
                if (node.type() != YamlNode.Type.SEQUENCE || node.items().isEmpty()) {
                    throw m.fail(node.line(), name + " must be a non-empty list of values");
                }
                List<Object> values = new ArrayList<>();
                for (YamlNode item : node.items()) {
                    values.add(scalar(m, name, item));
                }
                yield values;
            }
            case NUMBER -> {
                Object value = scalar(m, name, node);
                if (!(value instanceof Double)) {
                    throw m.fail(node.line(), name + " must be a number, not '" + node.scalar() + "'");
                }
                yield value;
            }
            case BOOLEAN, TRUE -> {
                Object value = scalar(m, name, node);
                if (!(value instanceof Boolean flag) || (test.operand() == DetailTest.Operand.TRUE && !flag)) {
                    throw m.fail(node.line(), name + " must be " + (test.operand() == DetailTest.Operand.TRUE
                            ? "true" : "true or false") + ", not '" + node.scalar() + "'");
                }
                yield value;
            }
        };
    }

    /** A scalar typed as the policy wrote it: a plain number, a plain boolean, or text. */
    private static Object scalar(Mapping m, String name, YamlNode node) {
        if (node.type() != YamlNode.Type.SCALAR || node.isNull()) {
            throw m.fail(node.line(), name + " must be a value, not " + node.describeType());
        }
        return switch (node.scalarKind()) {
            case NUMBER -> {
                try {
                    yield Double.parseDouble(node.scalar());
                } catch (NumberFormatException e) {
                    throw m.fail(node.line(), name + " must be a number, not '" + node.scalar() + "'");
                }
            }
            case BOOLEAN -> Boolean.parseBoolean(node.scalar().toLowerCase(java.util.Locale.ROOT));
            case TEXT -> node.scalar();
        };
    }
}
