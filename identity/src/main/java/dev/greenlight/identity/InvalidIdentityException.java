package dev.greenlight.identity;

/**
 * A name that cannot be an identity; the message completes "the name ..." (e.g. "contains
 * zero-width character U+200B at position 3"), so callers can prefix the field it came from.
 */
public final class InvalidIdentityException extends IllegalArgumentException {

    public InvalidIdentityException(String reason) {
        super(reason);
    }
}
