package dev.greenlight.cli.demo;

/** Nothing answers where the local stack should be: the demo cannot start (exit code 3). */
final class StackNotRunningException extends RuntimeException {

    StackNotRunningException(String message) {
        super(message);
    }
}
