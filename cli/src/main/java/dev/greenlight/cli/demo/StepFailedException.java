package dev.greenlight.cli.demo;

/**
 * A step of the demo did not happen: it timed out or a service refused it. Carries the step's
 * name, so the user knows where the scenario stopped (exit code 1).
 */
final class StepFailedException extends RuntimeException {

    private final String step;

    StepFailedException(String step, String message) {
        super("step '" + step + "' " + message);
        this.step = step;
    }

    String step() {
        return step;
    }
}
