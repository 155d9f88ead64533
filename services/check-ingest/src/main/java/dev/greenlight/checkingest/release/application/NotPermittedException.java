package dev.greenlight.checkingest.release.application;

/**
 * The caller is authenticated but may not do this; answered with 403 by the platform's common advice.
 * Kept as check-ingest's own name only because much of its ingest code imports it.
 */
public class NotPermittedException extends dev.greenlight.platform.failures.NotPermittedException {

    public NotPermittedException(String message) {
        super(message);
    }
}
