package dev.greenlight.checkingest.webhook.github;

/** A delivery whose signature is missing or wrong: it did not come from GitHub with our secret (401). */
public class InvalidSignatureException extends RuntimeException {

    public InvalidSignatureException(String message) {
        super(message);
    }
}
