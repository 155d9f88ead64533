package dev.greenlight.cli.api;

import java.time.Duration;
import java.util.Optional;

/** A call failed; the message says what happened and what to do next. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;
    private final boolean answerLost;

    public ApiException(int status, String message) {
        this(status, message, null, false);
    }

    ApiException(int status, String message, Duration retryAfter) {
        this(status, message, retryAfter, false);
    }

    private ApiException(int status, String message, Duration retryAfter, boolean answerLost) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
        this.answerLost = answerLost;
    }

    /** The request was sent but no answer came back: the service may or may not have acted on it. */
    static ApiException answerLost(String message) {
        return new ApiException(0, message, null, true);
    }

    /** HTTP status, or 0 when the service could not be reached or did not answer. */
    public int status() {
        return status;
    }

    /** The service's {@code Retry-After}, when it gave one in seconds. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the request may have reached the service although no answer came back. */
    boolean answerLost() {
        return answerLost;
    }
}
