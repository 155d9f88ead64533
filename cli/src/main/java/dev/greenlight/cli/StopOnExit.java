package dev.greenlight.cli;

/**
 * {@code greenlight up}'s shutdown hook, which stops the stack on Ctrl-C or SIGTERM. It exists
 * because {@code up} also gives up on its own (a start that failed or timed out) and must then take
 * the hook back, which {@link Runtime#removeShutdownHook} refuses with "Shutdown in progress" once
 * the JVM is shutting down: a SIGTERM during a slow start (the benchmark stopping a restart it had
 * waited for long enough) made {@code up} die with that exception instead of stopping quietly.
 */
final class StopOnExit {

    private final Thread hook;

    StopOnExit(Runnable stop) {
        this.hook = new Thread(stop, "greenlight-stop");
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Takes the hook back so the caller stops the stack itself.
     *
     * @return false when the JVM is already shutting down: the hook runs (or ran) then and stops the
     *         stack, so the caller must leave it alone
     */
    boolean remove() {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            return false;
        }
    }
}
