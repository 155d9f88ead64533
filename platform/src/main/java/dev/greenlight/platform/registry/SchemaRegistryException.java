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

    /**
     * Whether {@code failure} (typically a decoding failure) happened only because the registry did
     * not answer (unreachable, 5xx): then the record is good and must be read again later, never
     * skipped. An id the registry says it does not know, or bytes that are not Avro, stay undecodable
     * however often they are read. The one classification every reader of raw records uses.
     */
    public static boolean isRegistryUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException registry) {
                return !registry.isNotFound();
            }
        }
        return false;
    }
}
