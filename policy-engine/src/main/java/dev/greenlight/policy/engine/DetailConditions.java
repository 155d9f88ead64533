package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.evidence.DetailValues;
import dev.greenlight.policy.model.DetailCondition;
import dev.greenlight.policy.model.DetailTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges a check criterion's detail conditions against one run (the latest): which conditions
 * fail, which keys the run does not report, and the observed values to show in the decision.
 * A value of the wrong type fails its condition with a reason naming the key and both types —
 * never a silent coercion ("0" is not 0); a missing key is not decidable yet (a corrected report
 * can still supply it).
 *
 * @param failures one reason per unmet condition, naming the key, the value and the condition
 * @param missing the keys the conditions read that the run does not report
 * @param observed {@code key=value} of every key the conditions read, in condition order
 */
record DetailConditions(List<String> failures, List<String> missing, String observed) {

    static DetailConditions judge(List<DetailCondition> conditions, CheckResult run) {
        List<String> failures = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> observed = new ArrayList<>();
        for (DetailCondition condition : conditions) {
            Object value = run.details().get(condition.key());
            if (seen.add(condition.key())) {
                observed.add(condition.key() + "=" + (value == null ? "(not reported)" : DetailValues.format(value)));
            }
            if (value == null) {
                missing.add(condition.key());
                continue;
            }
            String failure = failure(condition, value);
            if (failure != null) {
                failures.add(failure);
            }
        }
        return new DetailConditions(List.copyOf(failures), List.copyOf(missing), String.join(", ", observed));
    }

    /** The conditions as a threshold reads: {@code openFixes == 0, verdict one of [PASS, PASS-WITH-FIXES]}. */
    static String threshold(List<DetailCondition> conditions) {
        return String.join(", ", conditions.stream().map(c -> c.key() + " " + describe(c)).toList());
    }

    private static String describe(DetailCondition condition) {
        return switch (condition.test()) {
            case EMPTY -> Boolean.TRUE.equals(condition.operand()) ? "empty" : "not empty";
            case PRESENT -> "present";
            default -> condition.test().symbol() + " " + DetailValues.format(condition.operand());
        };
    }

    private static String failure(DetailCondition condition, Object value) {
        String key = condition.key();
        String shown = DetailValues.format(value);
        DetailTest test = condition.test();
        return switch (test) {
            case PRESENT -> null;
            case EQUALS, NOT_EQUALS -> {
                Object operand = condition.operand();
                if (!sameType(value, operand)) {
                    yield wrongType(key, value, DetailValues.typeOf(operand));
                }
                boolean equal = value.equals(operand);
                yield equal == (test == DetailTest.EQUALS) ? null
                        : key + " is " + shown + ", must " + (test == DetailTest.EQUALS ? "equal " : "not equal ")
                                + DetailValues.format(operand);
            }
            case ONE_OF -> {
                List<?> allowed = (List<?>) condition.operand();
                if (allowed.stream().noneMatch(option -> sameType(value, option))) {
                    yield wrongType(key, value, DetailValues.typeOf(allowed.get(0)));
                }
                yield allowed.contains(value) ? null
                        : key + " is " + shown + ", must be one of " + DetailValues.format(allowed);
            }
            case AT_LEAST, AT_MOST, GREATER_THAN, LESS_THAN -> {
                if (!(value instanceof Double number)) {
                    yield wrongType(key, value, "number");
                }
                double bound = (Double) condition.operand();
                boolean holds = switch (test) {
                    case AT_LEAST -> number >= bound;
                    case AT_MOST -> number <= bound;
                    case GREATER_THAN -> number > bound;
                    default -> number < bound;
                };
                yield holds ? null : key + " is " + shown + ", must be " + test.symbol() + " " + Numbers.format(bound);
            }
            case EMPTY -> {
                boolean empty;
                if (value instanceof List<?> list) {
                    empty = list.isEmpty();
                } else if (value instanceof String text) {
                    empty = text.isEmpty();
                } else {
                    yield wrongType(key, value, "list or text");
                }
                boolean wanted = (Boolean) condition.operand();
                yield empty == wanted ? null : key + " is " + shown + ", must " + (wanted ? "" : "not ") + "be empty";
            }
        };
    }

    private static boolean sameType(Object value, Object operand) {
        return DetailValues.typeOf(value).equals(DetailValues.typeOf(operand));
    }

    private static String wrongType(String key, Object value, String expected) {
        return key + " is a " + DetailValues.typeOf(value) + " (" + DetailValues.format(value) + "), must be a " + expected;
    }
}
