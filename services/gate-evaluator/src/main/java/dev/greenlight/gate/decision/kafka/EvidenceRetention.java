package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.MetricObserved;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Keeps the per-target evidence store bounded. Metrics and alerts arrive continuously for as long
 * as a target lives; everything else (checks, approvals, waivers, on-call acks) arrives at human
 * or CI pace per release and is kept.
 *
 * <p>Forgotten: a metric sample observed before {@code now - horizon}, unless it is the latest
 * sample of its name and version (a criterion without a window reads the latest value); an alert
 * resolved before {@code now - horizon}, together with its firing. The horizon is the longest
 * window any loaded policy uses plus a margin, so no criterion that could still count the
 * evidence loses it. Firing alerts are never forgotten: an active page blocks however old it is.
 */
final class EvidenceRetention {

    private final Duration horizon;

    EvidenceRetention(Duration longestWindow, Duration margin) {
        this.horizon = longestWindow.plus(margin);
    }

    /** The events of {@code events} that can be forgotten at {@code now}. */
    Set<SpecificRecord> expired(Collection<SpecificRecord> events, Instant now) {
        Instant cutoff = now.minus(horizon);
        Map<String, Instant> latestSample = new HashMap<>();
        Set<String> expiredAlerts = new HashSet<>();
        for (SpecificRecord event : events) {
            if (event instanceof MetricObserved m) {
                latestSample.merge(series(m), m.getObservedAt(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (event instanceof AlertResolved r && r.getEndsAt().isBefore(cutoff)) {
                expiredAlerts.add(alert(r.getFingerprint(), r.getStartsAt()));
            }
        }
        Set<SpecificRecord> expired = new HashSet<>();
        for (SpecificRecord event : events) {
            if (event instanceof MetricObserved m && m.getObservedAt().isBefore(cutoff)
                    && m.getObservedAt().isBefore(latestSample.get(series(m)))) {
                expired.add(event);
            } else if (event instanceof AlertResolved r && expiredAlerts.contains(alert(r.getFingerprint(), r.getStartsAt()))
                    || event instanceof AlertFired f && expiredAlerts.contains(alert(f.getFingerprint(), f.getStartsAt()))) {
                expired.add(event);
            }
        }
        return expired;
    }

    private static String series(MetricObserved m) {
        return m.getName() + '\u001f' + Objects.toString(m.getVersion(), "");
    }

    private static String alert(String fingerprint, Instant startsAt) {
        return fingerprint + '\u001f' + startsAt.toEpochMilli();
    }
}
