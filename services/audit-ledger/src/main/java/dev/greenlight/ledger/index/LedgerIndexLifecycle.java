package dev.greenlight.ledger.index;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings the on-disk index up to date when the service starts (from its stored offsets, or from offset 0
 * when it is new) and keeps it (and the metrics fed from it) current between queries, so Prometheus
 * scrapes see new releases without anyone querying.
 */
@Component
class LedgerIndexLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerIndexLifecycle.class);

    private final IndexedLedger ledger;
    private final Duration every;
    private ScheduledExecutorService refresher;
    private volatile boolean started;

    LedgerIndexLifecycle(IndexedLedger ledger, @Value("${greenlight.ledger.index.refresh:1s}") Duration every) {
        this.ledger = ledger;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ledger-index"));
        refresher.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            if (!started) {
                log.info("Ledger index: {} entries on disk, catching up with the ledger topic", ledger.size());
            }
            ledger.refresh();
            if (!started) {
                log.info("Ledger index current: {} entries", ledger.size());
                started = true;
            }
        } catch (RuntimeException e) {
            log.warn("Ledger index refresh failed, retrying: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            try {
                refresher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            refresher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refresher != null;
    }
}
