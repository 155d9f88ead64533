package dev.greenlight.approval.common.application;

/** The release or approval a request refers to is unknown; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
