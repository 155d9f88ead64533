package dev.greenlight.approval.common.application;

/** A view this service answers from has not caught up yet; answered 503 so the client retries. */
public class NotReadyException extends RuntimeException {

    public NotReadyException(String message) {
        super(message);
    }
}
