package dev.greenlight.approval.holds.application;

/**
 * A standing hold already has this name; answered with 409 and nothing written. Names are how
 * people talk about a stop ("lift incident-4711"), so two standing holds never share one.
 */
public class HoldNameTakenException extends RuntimeException {

    public HoldNameTakenException(String message) {
        super(message);
    }
}
