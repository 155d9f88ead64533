package dev.greenlight.checkingest.evidence.application;

import dev.greenlight.checkingest.evidence.domain.MetricSample;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/**
 * Accepts metric samples, all-or-nothing like checks. A sample's version is checked for form only,
 * not for registration: monitors also measure versions that went live before Greenlight knew them.
 */
@Service
public class ReportMetrics {

    private final EvidenceEvents events;
    private final Clock clock;
    private final IngestProperties properties;

    ReportMetrics(EvidenceEvents events, Clock clock, IngestProperties properties) {
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Validates and authorizes every sample at once (throwing before anything is sent), then
     * publishes them; the future completes with the stored events, in request order, once the broker
     * acknowledged them, and fails when it did not.
     */
    public CompletableFuture<List<MetricObserved>> report(Batch<MetricSample> batch, Actor actor) {
        Instant now = clock.instant();
        List<MetricObserved> stored = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            MetricSample sample = batch.items().get(i);
            PublisherScope.require(actor, sample.target());
            Timestamps.notInFuture(Batch.prefix(batch.array(), i) + "observedAt", sample.observedAt(), now,
                    properties.maxClockSkew());
            String version = sample.version().map(Object::toString).orElse(null);
            String eventId = sample.eventId().orElseGet(() -> ContentIds.of("metric", sample.target(), version,
                    sample.name(), sample.value(), sample.observedAt(), new TreeMap<>(sample.labels())));
            stored.add(MetricObserved.newBuilder()
                    .setMeta(EventMetadata.newBuilder().setEventId(eventId).setOccurredAt(sample.observedAt())
                            .setPrincipal(actor.name()).build())
                    .setTarget(sample.target())
                    .setVersion(version)
                    .setName(sample.name())
                    .setValue(sample.value())
                    .setObservedAt(sample.observedAt())
                    .setLabels(sample.labels())
                    .build());
        }
        return events.publishMetrics(stored).thenApply(acknowledged -> stored);
    }
}
