package dev.greenlight.checkingest.release.domain;

/** A request field broke a rule; carries the field name so the API can name it in its 400 answer. */
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

    /** The same violation, located inside an enclosing structure, e.g. {@code items[3].}. */
    public InvalidFieldException within(String prefix) {
        return new InvalidFieldException(prefix + field, rule);
    }
}
