package dev.greenlight.checkingest.evidence.application;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.MetricObserved;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Where evidence goes. Each call stores all of its events or none, and returns once they are stored. */
public interface EvidenceEvents {

    void publishChecks(List<CheckReported> checks);

    void publishMetrics(List<MetricObserved> metrics);

    /** AlertFired and AlertResolved events. */
    void publishAlerts(List<SpecificRecord> alerts);
}
