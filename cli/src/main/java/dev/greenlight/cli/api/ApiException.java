package dev.greenlight.cli.api;

/** A call failed; the message says what happened and what to do next. */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** HTTP status, or 0 when the service could not be reached. */
    public int status() {
        return status;
    }
}
