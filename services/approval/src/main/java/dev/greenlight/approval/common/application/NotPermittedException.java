package dev.greenlight.approval.common.application;

/**
 * The caller is authenticated but may not do this; answered with 403. Thrown only after the
 * refusal itself was recorded as an {@code ActionRefused} event.
 */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
