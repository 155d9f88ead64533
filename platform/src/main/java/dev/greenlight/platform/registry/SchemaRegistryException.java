package dev.greenlight.platform.registry;

/**
 * A failed registry call, carrying the HTTP status and Confluent's error code so callers can tell
 * "not found" (40401 subject, 40403 schema) from "incompatible" (409) or "invalid schema" (42201)
 * without parsing messages.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Status and error code used when no registry answered at all. */
    public static final int UNREACHABLE = -1;

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INCOMPATIBLE_SCHEMA = 409;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        this(httpStatus, errorCode, message, null);
    }

    public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message + " (HTTP " + httpStatus + ", error code " + errorCode + ")", cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    /** True for the "does not exist" family (subject, version or schema not found). */
    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
