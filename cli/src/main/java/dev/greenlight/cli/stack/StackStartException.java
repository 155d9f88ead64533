package dev.greenlight.cli.stack;

/** The local stack could not be started; the message says what to do about it. */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
