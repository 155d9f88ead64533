package dev.greenlight.registry.domain;

/**
 * A failure a registry client must be able to tell apart. Each subtype carries the Confluent error
 * code so that existing Confluent clients (which switch on {@code error_code}) behave unchanged;
 * the HTTP status is the code's first three digits.
 */
public abstract sealed class RegistryException extends RuntimeException
        permits SubjectNotFoundException, VersionNotFoundException, SchemaNotFoundException,
        SubjectCompatibilityNotConfiguredException, IncompatibleSchemaException,
        InvalidSchemaException, InvalidVersionException, InvalidCompatibilityLevelException {

    private final int errorCode;

    RegistryException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The HTTP status Confluent pairs with this error code: its first three digits. */
    public int httpStatus() {
        String digits = Integer.toString(errorCode);
        return digits.length() > 3 ? Integer.parseInt(digits.substring(0, 3)) : errorCode;
    }
}
