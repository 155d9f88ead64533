package dev.greenlight.policy.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tests a check criterion can put to one detail of the latest run. A small closed set, each
 * with one operand type, so a condition means one thing: {@code equals} compares with the type the
 * policy wrote ({@code 0} a number, {@code "0"} a text, {@code false} a boolean), the four
 * comparisons are numeric, {@code oneOf} lists allowed values, {@code empty} tests a list or text,
 * {@code present} only requires the key.
 */
public enum DetailTest {
    EQUALS("equals", Operand.SCALAR, "=="),
    NOT_EQUALS("notEquals", Operand.SCALAR, "!="),
    ONE_OF("oneOf", Operand.SCALARS, "one of"),
    AT_LEAST("atLeast", Operand.NUMBER, ">="),
    AT_MOST("atMost", Operand.NUMBER, "<="),
    GREATER_THAN("greaterThan", Operand.NUMBER, ">"),
    LESS_THAN("lessThan", Operand.NUMBER, "<"),
    EMPTY("empty", Operand.BOOLEAN, "empty"),
    PRESENT("present", Operand.TRUE, "present");

    /** What a test's operand must be in the policy. */
    public enum Operand {
        SCALAR, SCALARS, NUMBER, BOOLEAN, TRUE
    }

    private final String key;
    private final Operand operand;
    private final String symbol;

    DetailTest(String key, Operand operand, String symbol) {
        this.key = key;
        this.operand = operand;
        this.symbol = symbol;
    }

    /** The key as written in a policy, e.g. {@code atMost}. */
    public String key() {
        return key;
    }

    public Operand operand() {
        return operand;
    }

    /** How a threshold shows the test: ==, !=, >=, one of, ... */
    public String symbol() {
        return symbol;
    }

    public static Optional<DetailTest> byKey(String key) {
        return Arrays.stream(values()).filter(test -> test.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(DetailTest::key).toList();
    }
}
