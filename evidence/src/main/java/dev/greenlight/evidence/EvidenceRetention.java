package dev.greenlight.evidence;

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
 * The one rule for what recorded evidence may be forgotten, used by the gate evaluator's evidence
 * store and the rollout controller's guard evidence alike: keeps the per-target evidence bounded. Metrics and alerts arrive continuously for as long
 * as a target lives; everything else (checks, approvals, waivers, on-call acks) arrives at human
 * or CI pace per release and is kept.
 *
 * <p>Forgotten: a metric sample observed before {@code now - horizon}, unless it is the latest
 * sample of its name and version (a criterion without a window reads the latest value); an alert
 * resolved before {@code now - horizon}, together with its firing. The horizon is the longest
 * window any loaded policy uses plus a margin, so no criterion that could still count the
 * evidence loses it. Firing alerts are never forgotten: an active page blocks however old it is.
 *
 * <p>The rollout guards apply the same rule with the horizon guards read ({@link #forGuards()}):
 * a guard judges the latest sample of a metric and the alerts active now, so with a zero horizon
 * it keeps exactly that — the latest sample of each series (and any observed after now) and every
 * alert not yet resolved.
 */
public final class EvidenceRetention {

    /** Added to the longest policy window before evidence is forgotten: late evidence and clock skew. */
    public static final Duration MARGIN = Duration.ofDays(1);

    private final Duration horizon;

    public EvidenceRetention(Duration longestWindow, Duration margin) {
        this.horizon = longestWindow.plus(margin);
    }

    /** What the gate keeps: anything a window of the loaded policies can still count, plus {@link #MARGIN}. */
    public static EvidenceRetention forPolicies(Duration longestWindow) {
        return new EvidenceRetention(longestWindow, MARGIN);
    }

    /** What guards keep: the latest sample of each series and the unresolved alerts. */
    public static EvidenceRetention forGuards() {
        return new EvidenceRetention(Duration.ZERO, Duration.ZERO);
    }

    /**
     * Samples observed before this instant may be forgotten at {@code now}, except the latest of
     * each series: the same rule as {@link #expired}, for whoever keeps samples per series
     * ({@code MetricSeries#expire}) and so need not scan them.
     */
    public Instant sampleCutoff(Instant now) {
        return now.minus(horizon);
    }

    /** The events of {@code events} that can be forgotten at {@code now}. */
    public Set<SpecificRecord> expired(Collection<SpecificRecord> events, Instant now) {
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
