package dev.greenlight.platform.failures;

/**
 * A view the service answers from has not caught up yet; every API answers 503 with
 * {@code Retry-After} so the client retries, and nothing was recorded.
 */
public class NotReadyException extends RuntimeException {

    public NotReadyException(String message) {
        super(message);
    }
}
