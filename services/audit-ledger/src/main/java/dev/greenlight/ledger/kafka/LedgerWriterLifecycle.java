package dev.greenlight.ledger.kafka;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link LedgerWriter} on its own thread for the life of the application context, and stops
 * it between transactions when the context closes.
 */
final class LedgerWriterLifecycle implements SmartLifecycle {

    private final LedgerWriter writer;
    private Thread thread;

    LedgerWriterLifecycle(LedgerWriter writer) {
        this.writer = writer;
    }

    @Override
    public synchronized void start() {
        writer.prepare();
        thread = new Thread(writer, "ledger-writer");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        writer.stop();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
