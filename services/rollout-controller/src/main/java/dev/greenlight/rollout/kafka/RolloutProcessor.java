package dev.greenlight.rollout.kafka;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.events.GateDecided;
import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.rollout.domain.CheckpointVerdict;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.RolloutCommandRequested;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.EvidenceRetention;
import dev.greenlight.platform.tracing.Traceparent;
import dev.greenlight.policy.engine.GuardTrip;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.rollout.domain.Actor;
import dev.greenlight.rollout.domain.Rollout;
import dev.greenlight.rollout.domain.RolloutEffect;
import dev.greenlight.rollout.domain.RolloutMachine;
import dev.greenlight.rollout.domain.RolloutRefusedException;
import dev.greenlight.rollout.domain.TargetState;
import dev.greenlight.rollout.domain.Transition;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds every input of a target into the {@link RolloutMachine} — and, before it, the org-wide
 * kill switch flips that cover the target ({@link PatternKills}) — and writes the new state and the
 * resulting events in the same stream task, hence the same exactly-once transaction. Time-driven
 * work (soak, checkpoints, deadlines, ack timeouts, guards with a {@code within}) runs from a
 * punctuator that reads the injected clock.
 */
final class RolloutProcessor implements Processor<String, Object, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(RolloutProcessor.class);
    /** The gate's retention rule at the horizon guards read: latest sample per series, unresolved alerts. */
    private static final EvidenceRetention RETENTION = EvidenceRetention.forGuards();

    private final RolloutMachine machine;
    private final RolloutPolicies policies;
    private final PolicyEngine engine = new PolicyEngine();
    private final Clock clock;
    private final Duration tickInterval;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, TargetState> states;
    private KeyValueStore<String, ReleaseRegistered> releases;
    private KeyValueStore<String, List<SpecificRecord>> evidence;
    private KeyValueStore<String, Long> requests;
    private KeyValueStore<String, String> patternKillsApplied;
    /** The trace of the record being processed, if it carried one; see {@link #forward}. */
    private Optional<Traceparent> cause = Optional.empty();
    private PatternKills patternKills;

    RolloutProcessor(RolloutMachine machine, RolloutPolicies policies, Clock clock, Duration tickInterval) {
        this.machine = machine;
        this.policies = policies;
        this.clock = clock;
        this.tickInterval = tickInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.states = context.getStateStore(RolloutTopology.STATE_STORE);
        this.releases = context.getStateStore(RolloutTopology.RELEASE_STORE);
        this.evidence = context.getStateStore(RolloutTopology.EVIDENCE_STORE);
        this.requests = context.getStateStore(RolloutTopology.REQUEST_STORE);
        this.patternKillsApplied = context.getStateStore(RolloutTopology.PATTERN_KILLS_STORE);
        this.patternKills = new PatternKills(context.getStateStore(RolloutTopology.KILL_PATTERNS_STORE));
        context.schedule(tickInterval, PunctuationType.WALL_CLOCK_TIME, timestamp -> tickAll());
    }

    @Override
    public void process(Record<String, Object> record) {
        cause = Traceparent.from(record.headers());
        try {
            processTraced(record);
        } finally {
            cause = Optional.empty();
        }
    }

    private void processTraced(Record<String, Object> record) {
        String target = record.key();
        Object value = record.value();
        if (target == null || value == null) {
            return;
        }
        syncPatternKills(target);
        if (value instanceof ReleaseRegistered release) {
            register(target, release);
        } else if (value instanceof GateDecided decided) {
            decided(target, decided);
        } else if (value instanceof KillSwitchActivated activated) {
            apply(target, s -> machine.killActivated(s, activated.getReason()));
        } else if (value instanceof KillSwitchDeactivated deactivated) {
            apply(target, s -> machine.killDeactivated(s, deactivated.getReason()));
        } else if (value instanceof DeploymentApplied report) {
            apply(target, s -> machine.deploymentReported(s, report.getSequence(),
                    report.getStatus() == DeploymentStatus.APPLIED, report.getMessage()));
        } else if (value instanceof RolloutCommandRequested request) {
            manual(target, request);
        } else if (value instanceof CheckReported check) {
            if (RolloutMachine.POST_MORTEM_CHECK.equals(check.getName()) && check.getStatus() == CheckStatus.PASS) {
                apply(target, s -> machine.postMortemPublished(s, check.getVersion()));
            }
        } else if (value instanceof MetricObserved || value instanceof AlertFired || value instanceof AlertResolved) {
            remember(target, (SpecificRecord) value);
            evaluateGuards(target);
        }
    }

    /** The release is remembered; its rollout starts with the first decision, bound to that decision's policy. */
    private void register(String target, ReleaseRegistered release) {
        releases.putIfAbsent(target + "@" + release.getVersion(), release);
    }

    /**
     * A gate decision binds the release's rollout to the policy the gate decided with — the
     * announced text with the decision's content hash, never a policy picked here — and then moves
     * it. A decision computed with another text than the rollout's (a gate restarted with a new
     * policy version mid-ramp) does not move traffic: its stages are not the rollout's plan.
     */
    private void decided(String target, GateDecided decided) {
        String version = decided.getVersion();
        String hash = decided.getPolicy().getContentHash();
        ReleaseRegistered release = releases.get(target + "@" + version);
        if (release == null) {
            log.warn("Decision for unknown release {}@{} ignored", target, version);
            return;
        }
        Policy policy = policies.awaitHash(hash).orElse(null);
        if (policy == null) {
            log.error("Decision for {}@{} names policy {} ({}) that was never announced; ignored", target, version,
                    decided.getPolicy().getName(), hash);
            return;
        }
        ReleaseType type = ReleaseType.valueOf(release.getReleaseType().name());
        apply(target, s -> machine.register(s, version, type, policy, release.getAuthor()));
        Rollout rollout = states.get(target).rollout(version).orElseThrow();
        if (rollout.policyHash() != null && !rollout.policyHash().equals(hash)) {
            log.warn("Decision for {}@{} was computed with policy {} but the rollout is bound to {}; ignored",
                    target, version, hash, rollout.policyHash());
            return;
        }
        if (decided.getCheckpoint() != null) {
            checkpoint(target, decided, policy);
            return;
        }
        apply(target, s -> machine.gateDecided(s, version, decided.getStage(), decided.getOutcome() == GateOutcome.GO));
    }

    /** A monitoring checkpoint's decision: its action and obligation come from the rollout's policy text. */
    private void checkpoint(String target, GateDecided decided, Policy policy) {
        Checkpoint checkpoint = policy.stage(decided.getStage()).flatMap(s -> s.checkpoint(decided.getCheckpoint()))
                .orElse(null);
        if (checkpoint == null || decided.getStageStartedAt() == null) {
            log.warn("Checkpoint decision {} for {}@{} names no checkpoint of its policy; ignored",
                    decided.getDecisionId(), target, decided.getVersion());
            return;
        }
        String failing = String.join("; ", decided.getCriteria().stream()
                .filter(c -> c.getBlocking() && c.getStatus() == dev.greenlight.events.CriterionStatus.FAIL)
                .map(c -> c.getName() + ": " + c.getReason()).toList());
        CheckpointVerdict verdict = new CheckpointVerdict(decided.getStage(), checkpoint.name(),
                decided.getStageStartedAt(), CheckpointVerdict.Outcome.valueOf(decided.getOutcome().name()),
                checkpoint.onFail(), checkpoint.obligation() == null ? null : checkpoint.obligation().due(), failing,
                decided.getDecisionId(), decided.getEvidenceIds());
        apply(target, s -> machine.checkpointDecided(s, decided.getVersion(), verdict));
    }

    /**
     * A manual command, checked again by the state machine (authority included: whoever put it on
     * the topic, the roles it carries must be allowed by the rollout's policy). A command whose id
     * was applied before — a client's retry with the same Idempotency-Key — is applied once.
     */
    private void manual(String target, RolloutCommandRequested request) {
        String requestId = request.getMeta().getEventId();
        if (requests.get(requestId) != null) {
            log.info("Command {} for {} was applied before; ignoring the repeat", requestId, target);
            return;
        }
        requests.put(requestId, clock.millis());
        Actor actor = new Actor(request.getRequestedBy(), new HashSet<>(request.getRoles()));
        String version = request.getVersion();
        String reason = request.getReason();
        Function<TargetState, Transition> command = switch (request.getCommand()) {
            case PROMOTE -> s -> machine.promote(s, version, actor, reason);
            case PAUSE -> s -> machine.pause(s, version, actor, reason);
            case RESUME -> s -> machine.resume(s, version, actor, reason);
            case ABORT -> s -> machine.abort(s, version, actor, reason);
        };
        try {
            apply(target, command);
        } catch (RolloutRefusedException e) {
            forward(target, EffectEvents.refused(request, e.reason().name(), e.getMessage(), clock.instant()));
        }
    }

    /**
     * Keeps {@code event} for the target's guards, bounded by the same retention rule as the gate's
     * evidence ({@link EvidenceRetention#forGuards()}): a guard judges the latest sample of a metric
     * and the alerts active now, so older samples and alerts resolved before now are forgotten.
     * A firing alert is never dropped for lack of room: an active page trips however many others
     * arrived. An event id already kept is a duplicate.
     */
    private void remember(String target, SpecificRecord event) {
        List<SpecificRecord> events = new ArrayList<>(orEmpty(evidence.get(target)));
        String id = EvidenceFold.eventId(event);
        if (events.stream().anyMatch(e -> EvidenceFold.eventId(e).equals(id))) {
            return;
        }
        events.add(event);
        Set<SpecificRecord> expired = RETENTION.expired(events, clock.instant());
        events.removeIf(expired::contains);
        evidence.put(target, events);
    }

    private void evaluateGuards(String target) {
        TargetState state = states.get(target);
        if (state == null || state.killed()) {
            return;
        }
        List<SpecificRecord> events = orEmpty(evidence.get(target));
        for (Rollout rollout : state.rollouts()) {
            ReleaseRegistered release = releases.get(target + "@" + rollout.version());
            Policy policy = policies.byHash(rollout.policyHash()).orElse(null);
            if (!rollout.live() || release == null || policy == null) {
                continue;
            }
            Evidence snapshot = EvidenceFold.fold(release, events);
            List<GuardTrip> trips = engine.trippedGuards(policy, rollout.stage().name(), snapshot, clock.instant());
            if (!trips.isEmpty()) {
                apply(target, s -> machine.guardsTripped(s, rollout.version(), trips));
            }
        }
    }

    /**
     * Brings {@code target} in line with the org-wide kill switch (and, if flips arrived since the
     * last look, every other target of this task first): a pattern switch that covers it and is on
     * kills it like its own switch would; when the last such switch goes off, the kill it applied
     * (never a target's own) is lifted, leaving its rollouts paused until a person resumes them.
     */
    private void syncPatternKills(String target) {
        if (patternKills.refresh() && patternKills.any()) {
            List<String> targets = new ArrayList<>();
            try (KeyValueIterator<String, TargetState> all = states.all()) {
                all.forEachRemaining(entry -> targets.add(entry.key));
            }
            targets.forEach(this::obeyPatternKills);
        }
        if (target != null && patternKills.any()) {
            obeyPatternKills(target);
        }
    }

    private void obeyPatternKills(String target) {
        Map<String, KillSwitchActivated> covering = patternKills.covering(target);
        Set<String> applied = PatternKills.parse(patternKillsApplied.get(target));
        if (applied.equals(covering.keySet())) {
            return;
        }
        for (KillSwitchActivated on : covering.values()) {
            if (!applied.contains(on.getMeta().getEventId())) {
                apply(target, s -> machine.killActivated(s, PatternKills.reason(on)));
            }
        }
        if (covering.isEmpty() && !applied.isEmpty()) {
            TargetState state = states.get(target);
            if (state != null && state.killed() && state.killReason() != null
                    && state.killReason().startsWith(PatternKills.REASON_PREFIX)) {
                String pattern = state.killReason().substring(PatternKills.REASON_PREFIX.length()).split(" ", 2)[0];
                KillSwitchDeactivated off = patternKills.lastOff(pattern);
                apply(target, s -> machine.killDeactivated(s, PatternKills.REASON_PREFIX + pattern + " off"
                        + (off == null ? "" : " by " + off.getDeactivatedBy() + ": " + off.getReason())));
            }
        }
        if (covering.isEmpty()) {
            patternKillsApplied.delete(target);
        } else {
            patternKillsApplied.put(target, PatternKills.format(covering.keySet()));
        }
    }

    private void tickAll() {
        syncPatternKills(null);
        List<String> targets = new ArrayList<>();
        try (KeyValueIterator<String, TargetState> all = states.all()) {
            all.forEachRemaining(entry -> targets.add(entry.key));
        }
        for (String target : targets) {
            apply(target, machine::tick);
            evaluateGuards(target);
        }
    }

    private void apply(String target, Function<TargetState, Transition> input) {
        TargetState before = states.get(target);
        Transition transition = input.apply(before == null ? TargetState.empty(target) : before);
        if (!transition.state().equals(before)) {
            states.put(target, transition.state());
        }
        for (RolloutEffect effect : transition.effects()) {
            forward(target, EffectEvents.of(target, effect, clock.instant()));
        }
    }

    /**
     * Everything forwarded while a record is processed carries that record's {@code traceparent}
     * (Streams does not propagate it): a deployment command continues the trace of the decision —
     * and so of the evidence and the request — that caused it. A tick's effects carry none.
     */
    private void forward(String target, SpecificRecord event) {
        RecordHeaders headers = new RecordHeaders();
        cause.ifPresent(trace -> trace.writeTo(headers));
        context.forward(new Record<>(target, (Object) event, clock.millis(), headers));
    }

    private static List<SpecificRecord> orEmpty(List<SpecificRecord> events) {
        return events == null ? List.of() : events;
    }
}
