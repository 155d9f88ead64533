package dev.greenlight.policy.model;

import java.util.List;

/**
 * One condition a check criterion puts on a detail of the latest run, e.g. {@code openFixes}
 * {@code equals 0}. The operand is already typed by the parser: a String, Boolean or Double for a
 * single value, a List of them for {@code oneOf}, a Boolean for {@code empty} and {@code present}.
 */
public record DetailCondition(String key, DetailTest test, Object operand) {

    public DetailCondition {
        operand = operand instanceof List<?> list ? List.copyOf(list) : operand;
    }
}
