package dev.greenlight.cli.stack;

/** The stack did not come up within its timeout: on a slow machine, more time may be all it needs. */
public final class StackTimeoutException extends StackStartException {

    public StackTimeoutException(String message) {
        super(message);
    }

    public StackTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
