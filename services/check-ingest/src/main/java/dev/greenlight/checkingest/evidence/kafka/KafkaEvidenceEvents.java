package dev.greenlight.checkingest.evidence.kafka;

import dev.greenlight.checkingest.evidence.application.EvidenceEvents;
import dev.greenlight.checkingest.kafka.AtomicPublisher;
import dev.greenlight.checkingest.kafka.Outgoing;
import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.topics.Topics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/** Evidence onto its catalogue topics, keyed by target; a request of several events all-or-nothing. */
@Component
class KafkaEvidenceEvents implements EvidenceEvents {

    private final AtomicPublisher publisher;

    KafkaEvidenceEvents(AtomicPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public CompletableFuture<Void> publishChecks(List<CheckReported> checks) {
        return publisher.publishAllAsync(checks.stream().map(c -> new Outgoing<>(Topics.CHECKS, c.getTarget(), c)).toList());
    }

    @Override
    public CompletableFuture<Void> publishMetrics(List<MetricObserved> metrics) {
        return publisher.publishAllAsync(metrics.stream().map(m -> new Outgoing<>(Topics.METRICS, m.getTarget(), m)).toList());
    }

    @Override
    public void publishAlerts(List<SpecificRecord> alerts) {
        publisher.publishAll(alerts.stream()
                .map(a -> new Outgoing<>(Topics.ALERTS, targetOf(a), a))
                .toList());
    }

    private static String targetOf(SpecificRecord alert) {
        if (alert instanceof AlertFired fired) {
            return fired.getTarget();
        }
        if (alert instanceof AlertResolved resolved) {
            return resolved.getTarget();
        }
        throw new IllegalArgumentException("not an alert event: " + alert.getSchema().getFullName());
    }
}
