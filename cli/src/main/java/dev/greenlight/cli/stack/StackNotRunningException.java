package dev.greenlight.cli.stack;

/** Nothing answers where the local stack should be: the demo cannot start (exit code 3), a command falls back to its own clock. */
public final class StackNotRunningException extends RuntimeException {

    public StackNotRunningException(String message) {
        super(message);
    }
}
