package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.gate.policy.ReleasePolicies;
import dev.greenlight.platform.evidence.EvidenceFold;
import dev.greenlight.platform.evidence.GateDecisions;
import dev.greenlight.policy.catalog.PolicyCatalog;
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
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Folds every evidence event of a target into its stores and re-evaluates the target's releases.
 * See {@link GateTopology} for the semantics; this class is the mechanics. Reads go through
 * {@link GateStores}' cache of decoded target state, so an event costs one evaluation of the
 * releases it concerns rather than a re-read of everything stored about the target.
 */
final class GateProcessor implements Processor<String, SpecificRecord, String, GateDecided> {

    private final PolicyCatalog policies;
    private final PolicyEngine engine = new PolicyEngine();
    private final Clock clock;
    private final Duration punctuateEvery;
    private final EvidenceRetention retention;
    private final int cachedTargets;
    private ProcessorContext<String, GateDecided> context;
    private GateStores stores;

    GateProcessor(PolicyCatalog policies, Clock clock, Duration punctuateEvery, EvidenceRetention retention,
                  int cachedTargets) {
        this.policies = policies;
        this.clock = clock;
        this.punctuateEvery = punctuateEvery;
        this.retention = retention;
        this.cachedTargets = cachedTargets;
    }

    @Override
    public void init(ProcessorContext<String, GateDecided> context) {
        this.context = context;
        // A fresh cache on every (re)initialisation: the stores may have been rewound or handed
        // over since, and only they are authoritative.
        stores = new GateStores(context, cachedTargets);
        context.schedule(punctuateEvery, PunctuationType.WALL_CLOCK_TIME, ignored -> wakeUpDue());
    }

    @Override
    public void close() {
        stores = null;
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord event = record.value();
        if (event == null || event instanceof ActionRefused) {
            return;
        }
        String target = EvidenceFold.target(event);
        TargetState state = stores.target(target);
        boolean added = event instanceof ReleaseRegistered release
                ? stores.addRelease(state, release) // the first registration wins; check-ingest refuses conflicting ones
                : stores.addEvidence(state, target, event);
        if (!added) {
            return; // a duplicate changes nothing, so it is not even re-evaluated
        }
        Instant now = now();
        Collection<SpecificRecord> events = currentEvidence(state, target, now);
        for (ReleaseRegistered release : new ArrayList<>(state.releases.values())) {
            // Only the releases the event is evidence for can change (a check names its version;
            // an alert concerns every version of the target).
            if (release.equals(event) || EvidenceFold.concerns(release, event)) {
                evaluate(state, release, events, now);
            }
        }
    }

    private void wakeUpDue() {
        Instant now = now();
        stores.takeDueWakeUps(now.toEpochMilli(), (state, releaseKey) -> {
            ReleaseRegistered release = state.releases.get(releaseKey);
            if (release != null) {
                evaluate(state, release, currentEvidence(state, release.getTarget(), now), now);
            }
        });
    }

    private void evaluate(TargetState state, ReleaseRegistered release, Collection<SpecificRecord> events,
                          Instant now) {
        String releaseKey = StoreKeys.release(release.getTarget(), release.getVersion());
        Optional<Policy> policy = state.policies.computeIfAbsent(releaseKey,
                ignored -> ReleasePolicies.governing(policies, release));
        if (policy.isEmpty()) {
            return;
        }
        Evidence folded = EvidenceFold.fold(release, events);
        Instant nextChange = null;
        for (Stage stage : policy.get().stages()) {
            Decision decision = engine.evaluate(policy.get(), stage.name(), folded, now);
            if (decision.nextChangeAt() != null && (nextChange == null || decision.nextChangeAt().isBefore(nextChange))) {
                nextChange = decision.nextChangeAt();
            }
            String decisionKey = StoreKeys.decision(releaseKey, stage.name());
            GateDecided last = state.decisions.get(decisionKey);
            GateDecided next = GateDecisions.toEvent(decision, last == null ? null : last.getDecisionId());
            if (GateDecisions.verdictChanged(last, next)) {
                stores.putDecision(state, decisionKey, next);
                context.forward(new Record<>(release.getTarget(), next, now.toEpochMilli()));
            }
        }
        stores.scheduleWakeUp(state, releaseKey, nextChange == null ? null : nextChange.toEpochMilli());
    }

    /** The target's evidence, after forgetting what no policy can count any more. */
    private Collection<SpecificRecord> currentEvidence(TargetState state, String target, Instant now) {
        Set<SpecificRecord> expired = retention.expired(state.evidence.values(), now);
        if (!expired.isEmpty()) {
            stores.forget(state, target, expired);
        }
        return state.evidence.values();
    }

    private Instant now() {
        // Avro timestamps are milliseconds; evaluating at a millisecond keeps the recorded
        // evaluatedAt exactly the instant the decision was computed at, so replays match.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
