package dev.greenlight.integrations.common.application;

/** The named thing does not exist (or no longer stands); answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
