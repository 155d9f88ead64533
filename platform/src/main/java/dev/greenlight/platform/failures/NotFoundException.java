package dev.greenlight.platform.failures;

/** The thing a request names does not exist (or no longer stands); answered 404 "Not found" by every API. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
