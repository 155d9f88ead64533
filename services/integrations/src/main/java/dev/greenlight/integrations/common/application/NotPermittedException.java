package dev.greenlight.integrations.common.application;

/** The caller is known but may not do this; answered 403, nothing written. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
