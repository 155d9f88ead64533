package dev.greenlight.checkingest.release.application;

/** The caller is authenticated but may not do this; answered with 403. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
