package dev.greenlight.checkingest.evidence.application;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.MetricObserved;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where evidence goes. Each call stores all of its events or none. Checks and metrics answer with a
 * future that completes once they are stored (the broker acknowledged) and fails otherwise, so a
 * request waits for the broker without holding a thread; alerts return once stored.
 */
public interface EvidenceEvents {

    CompletableFuture<Void> publishChecks(List<CheckReported> checks);

    CompletableFuture<Void> publishMetrics(List<MetricObserved> metrics);

    /** AlertFired and AlertResolved events. */
    void publishAlerts(List<SpecificRecord> alerts);
}
