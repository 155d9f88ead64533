package dev.greenlight.gate.decision.domain;

import dev.greenlight.policy.evidence.MetricSeries;
import dev.greenlight.policy.evidence.SourceOffset;
import dev.greenlight.policy.model.Policy;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the gate knows about one target: its releases (first registration wins), its
 * evidence by event id, the last emitted verdict of each stage and each release's wake-up.
 *
 * <p>Mutable on purpose, and changed only by {@link GateEvaluation}: an event for a target with a
 * long evidence history must not copy it. Every change is also listed in the returned
 * {@link GateStep}, so whoever persists the state (the Kafka adapter's stores) holds the same and
 * can rebuild it with the {@code restore} methods at any time. The governing policy, the count
 * of samples waiting for a tick and the size at the last pruning are derived and not persisted.
 *
 * @param <E> a recorded event
 */
public final class GateState<E> {

    /** By version. */
    final Map<String, E> releases = new TreeMap<>();
    /** By event id: everything but metric samples (restored samples move to {@link #samples} on first use). */
    final Map<String, E> evidence = new TreeMap<>();
    /**
     * Metric samples by event id, apart from the other evidence: they are never folded or scanned
     * whole; criteria read them through {@link #series}.
     */
    final Map<String, E> samples = new HashMap<>();
    /** The samples of each series (metric name and version, see {@code GateEvaluation}), bucketed by time. */
    final Map<String, MetricSeries> series = new HashMap<>();
    /**
     * The highest metrics-topic position of the target's samples read so far (null: not known, e.g.
     * a store written before positions were kept): the arrival bound its decisions' series cite.
     */
    SourceOffset samplesThrough;
    /** Whether restored evidence was sorted into samples and series yet. */
    boolean samplesIndexed;
    /** The last emitted verdict, by version and stage. */
    final Map<String, Map<String, LastVerdict>> verdicts = new HashMap<>();
    /** The release's wake-up, by version. */
    final Map<String, Instant> wakeAt = new HashMap<>();
    /** The governing policy, by version: a registration never changes, nor does the catalogue. */
    final Map<String, Optional<Policy>> policies = new HashMap<>();
    /** Samples received since the release was last evaluated, by version. */
    final Map<String, Integer> pendingSamples = new HashMap<>();
    /** How much evidence was left after it was last pruned (0: not since loaded). */
    int evidenceAfterPrune;
    /** The latest stage start of each version, derived from the evidence when first needed. */
    final Map<String, StageStart> stageStarts = new HashMap<>();
    /** Whether {@link #stageStarts} was derived from the evidence since loaded. */
    boolean stageStartsDerived;

    public void restoreRelease(String version, E registration) {
        releases.put(version, registration);
    }

    public void restoreEvidence(String eventId, E event) {
        evidence.put(eventId, event);
        samplesIndexed = false;
    }

    public void restoreSamplesThrough(SourceOffset through) {
        samplesThrough = through;
    }

    public void restoreVerdict(String version, String stage, LastVerdict verdict) {
        verdicts.computeIfAbsent(version, v -> new HashMap<>()).put(stage, verdict);
    }

    public void restoreWakeUp(String version, Instant at) {
        wakeAt.put(version, at);
    }

    public Optional<E> release(String version) {
        return Optional.ofNullable(releases.get(version));
    }

    /** Whether the target's evidence holds the event with this id. */
    public boolean knowsEvidence(String eventId) {
        return evidence.containsKey(eventId);
    }

    /** Every recorded event the target keeps, samples included. */
    public Collection<E> evidence() {
        if (samples.isEmpty()) {
            return Collections.unmodifiableCollection(evidence.values());
        }
        java.util.List<E> all = new java.util.ArrayList<>(evidence.values());
        all.addAll(samples.values());
        return Collections.unmodifiableList(all);
    }

    public Optional<LastVerdict> verdict(String version, String stage) {
        return Optional.ofNullable(verdicts.getOrDefault(version, Map.of()).get(stage));
    }

    public Optional<Instant> wakeUp(String version) {
        return Optional.ofNullable(wakeAt.get(version));
    }

    /**
     * Whether a release of the target is due at or before {@code now}: metric samples wait for the
     * coalescing tick (or a wake-up has come and not been taken yet).
     */
    public boolean dueBy(Instant now) {
        for (Instant at : wakeAt.values()) {
            if (!at.isAfter(now)) {
                return true;
            }
        }
        return false;
    }
}
