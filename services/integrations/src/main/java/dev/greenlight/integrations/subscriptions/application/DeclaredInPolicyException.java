package dev.greenlight.integrations.subscriptions.application;

/**
 * The subscription is declared in a policy's {@code notify:} section: only a new version of that
 * policy changes it, never the API. Answered 409, nothing written.
 */
public class DeclaredInPolicyException extends RuntimeException {

    public DeclaredInPolicyException(String message) {
        super(message);
    }
}
