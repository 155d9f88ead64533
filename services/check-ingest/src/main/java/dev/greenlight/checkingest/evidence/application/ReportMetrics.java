package dev.greenlight.checkingest.evidence.application;

import dev.greenlight.checkingest.evidence.domain.MetricSample;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Instant latest = now.plus(properties.maxClockSkew());
        String principal = actor.name();
        List<MetricSample> samples = batch.items();
        List<MetricObserved> stored = new ArrayList<>(samples.size());
        String permitted = null;
        for (int i = 0; i < samples.size(); i++) {
            MetricSample sample = samples.get(i);
            // Batches usually hold one monitor's samples of one target: its scope is checked once.
            if (!sample.target().equals(permitted)) {
                PublisherScope.require(actor, sample.target());
                permitted = sample.target();
            }
            if (sample.observedAt().isAfter(latest)) {
                Timestamps.notInFuture(Batch.prefix(batch.array(), i) + "observedAt", sample.observedAt(), now,
                        properties.maxClockSkew());
            }
            String version = sample.version().map(Object::toString).orElse(null);
            Map<String, String> labels = sample.labels();
            String eventId = sample.eventId().orElseGet(() -> ContentIds.of("metric", sample.target(), version,
                    sample.name(), sample.value(), sample.observedAt(),
                    labels.isEmpty() ? labels : new TreeMap<>(labels)));
            // All-args constructors, not the generated builders: a builder validates and copies every
            // field again and looks up the schema's defaults, per sample (same record, same bytes).
            stored.add(new MetricObserved(new EventMetadata(eventId, sample.observedAt(), principal),
                    sample.target(), version, sample.name(), sample.value(), sample.observedAt(), labels));
        }
        return events.publishMetrics(stored).thenApply(acknowledged -> stored);
    }
}
