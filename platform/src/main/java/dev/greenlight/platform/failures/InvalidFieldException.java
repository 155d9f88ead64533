package dev.greenlight.platform.failures;

/**
 * A request field broke a rule; carries the field name so every API names it the same way in its
 * 400 answer ({@code CommonApiErrors}). Free of Spring, so domain code may throw it.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidFieldException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    /** The rule the field broke, without the field's name. */
    public String rule() {
        return rule;
    }
}
