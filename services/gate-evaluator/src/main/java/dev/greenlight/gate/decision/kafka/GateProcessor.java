package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.gate.policy.PolicyCatalog;
import dev.greenlight.platform.evidence.EvidenceFold;
import dev.greenlight.platform.evidence.GateDecisions;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds every evidence event of a target into its stores and re-evaluates the target's releases.
 * See {@link GateTopology} for the semantics; this class is the mechanics.
 */
final class GateProcessor implements Processor<String, SpecificRecord, String, GateDecided> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final PolicyCatalog policies;
    private final PolicyEngine engine = new PolicyEngine();
    private final Clock clock;
    private final Duration punctuateEvery;
    private final EvidenceRetention retention;
    private ProcessorContext<String, GateDecided> context;
    private KeyValueStore<String, ReleaseRegistered> releases;
    private KeyValueStore<String, SpecificRecord> evidence;
    private KeyValueStore<String, GateDecided> decisions;
    private KeyValueStore<String, Long> wakeAt;
    private KeyValueStore<String, String> wakeUps;

    GateProcessor(PolicyCatalog policies, Clock clock, Duration punctuateEvery, EvidenceRetention retention) {
        this.policies = policies;
        this.clock = clock;
        this.punctuateEvery = punctuateEvery;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, GateDecided> context) {
        this.context = context;
        releases = context.getStateStore(GateTopology.RELEASES_STORE);
        evidence = context.getStateStore(GateTopology.EVIDENCE_STORE);
        decisions = context.getStateStore(GateTopology.DECISIONS_STORE);
        wakeAt = context.getStateStore(GateTopology.WAKE_AT_STORE);
        wakeUps = context.getStateStore(GateTopology.WAKE_UPS_STORE);
        context.schedule(punctuateEvery, PunctuationType.WALL_CLOCK_TIME, ignored -> wakeUpDue());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord event = record.value();
        if (event == null || event instanceof ActionRefused) {
            return;
        }
        String target = EvidenceFold.target(event);
        if (event instanceof ReleaseRegistered release) {
            String key = StoreKeys.release(target, release.getVersion());
            if (releases.get(key) != null) {
                return; // the first registration wins; check-ingest refuses conflicting ones
            }
            releases.put(key, release);
        } else {
            String key = StoreKeys.evidence(target, EvidenceFold.eventId(event));
            if (evidence.get(key) != null) {
                return; // a duplicate changes nothing, so it is not even re-evaluated
            }
            evidence.put(key, event);
        }
        Instant now = now();
        List<SpecificRecord> events = currentEvidence(target, now);
        for (ReleaseRegistered release : releasesOf(target)) {
            // Only the releases the event is evidence for can change (a check names its version;
            // an alert concerns every version of the target).
            if (release.equals(event) || EvidenceFold.concerns(release, event)) {
                evaluate(release, events, now);
            }
        }
    }

    private void wakeUpDue() {
        Instant now = now();
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = wakeUps.range(null, StoreKeys.wakeUpsDueBy(now.toEpochMilli()))) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> wake : due) {
            wakeUps.delete(wake.key);
            wakeAt.delete(wake.value);
            ReleaseRegistered release = releases.get(wake.value);
            if (release != null) {
                evaluate(release, currentEvidence(release.getTarget(), now), now);
            }
        }
    }

    private void evaluate(ReleaseRegistered release, List<SpecificRecord> events, Instant now) {
        Optional<Policy> policy = policies.governing(release);
        if (policy.isEmpty()) {
            return;
        }
        Evidence folded = EvidenceFold.fold(release, events);
        String releaseKey = StoreKeys.release(release.getTarget(), release.getVersion());
        Instant nextChange = null;
        for (Stage stage : policy.get().stages()) {
            Decision decision = engine.evaluate(policy.get(), stage.name(), folded, now);
            if (decision.nextChangeAt() != null && (nextChange == null || decision.nextChangeAt().isBefore(nextChange))) {
                nextChange = decision.nextChangeAt();
            }
            String decisionKey = StoreKeys.decision(releaseKey, stage.name());
            GateDecided last = decisions.get(decisionKey);
            GateDecided next = GateDecisions.toEvent(decision, last == null ? null : last.getDecisionId());
            if (GateDecisions.verdictChanged(last, next)) {
                decisions.put(decisionKey, next);
                context.forward(new Record<>(release.getTarget(), next, now.toEpochMilli()));
            }
        }
        scheduleWakeUp(releaseKey, nextChange);
    }

    private void scheduleWakeUp(String releaseKey, Instant at) {
        Long previous = wakeAt.get(releaseKey);
        Long next = at == null ? null : at.toEpochMilli();
        if (previous != null && !previous.equals(next)) {
            wakeUps.delete(StoreKeys.wakeUp(previous, releaseKey));
        }
        if (next == null) {
            wakeAt.delete(releaseKey);
        } else if (!next.equals(previous)) {
            wakeAt.put(releaseKey, next);
            wakeUps.put(StoreKeys.wakeUp(next, releaseKey), releaseKey);
        }
    }

    private List<ReleaseRegistered> releasesOf(String target) {
        List<ReleaseRegistered> found = new ArrayList<>();
        try (KeyValueIterator<String, ReleaseRegistered> it = releases.prefixScan(StoreKeys.targetPrefix(target), KEYS)) {
            it.forEachRemaining(kv -> found.add(kv.value));
        }
        return found;
    }

    /** The target's evidence, after forgetting what no policy can count any more. */
    private List<SpecificRecord> currentEvidence(String target, Instant now) {
        List<SpecificRecord> events = new ArrayList<>();
        try (KeyValueIterator<String, SpecificRecord> it = evidence.prefixScan(StoreKeys.targetPrefix(target), KEYS)) {
            it.forEachRemaining(kv -> events.add(kv.value));
        }
        Set<SpecificRecord> expired = retention.expired(events, now);
        for (SpecificRecord event : expired) {
            evidence.delete(StoreKeys.evidence(target, EvidenceFold.eventId(event)));
        }
        events.removeAll(expired);
        return events;
    }

    private Instant now() {
        // Avro timestamps are milliseconds; evaluating at a millisecond keeps the recorded
        // evaluatedAt exactly the instant the decision was computed at, so replays match.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
