package dev.greenlight.integrations.common.domain;

/** A request field broke a rule; carries the field name so the API can name it in its 400 answer. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
