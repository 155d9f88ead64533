package dev.greenlight.rollout.domain;

import dev.greenlight.policy.engine.GuardTrip;
import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The rollout state machine of one target: every command and event goes in with the target's
 * state, and a {@link Transition} comes out with the new state and the effects to emit. It is pure
 * apart from reading the injected clock, so days of ramp are tested in microseconds and the Kafka
 * topology stays a thin adapter.
 *
 * <p>The one invariant everything serves: traffic only moves up on a GO for the stage being
 * entered (or an override by the policy's override role, never the author, with a reason), and
 * every move is a sequenced {@code DeploymentCommand}. Automatic inputs that no longer apply (a
 * decision for a finished rollout, a guard trip on a rolled-back version) are ignored; manual commands that do not apply
 * are refused with a {@link RolloutRefusedException}.
 */
public final class RolloutMachine {

    private static final Set<ReleaseType> DIRECT = Set.of(ReleaseType.HOTFIX, ReleaseType.BUGFIX, ReleaseType.CONFIG);
    private static final String CONTROLLER = "rollout-controller";

    private final Clock clock;
    private final RolloutSettings settings;

    public RolloutMachine(Clock clock, RolloutSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * A release was bound to the policy the gate decides it with: it waits in PENDING for GO on its
     * entry stage — the first stage, or for direct and hotfix releases the policy's last (live)
     * stage. Binding again is a no-op, except that a still PENDING rollout is re-planned when the
     * gate decides with another policy text.
     */
    /** The check name that records a hotfix's post-mortem as published. */
    public static final String POST_MORTEM_CHECK = "post-mortem";

    public Transition register(TargetState state, String version, ReleaseType type, Policy policy) {
        return register(state, version, type, policy, null);
    }

    /**
     * As {@link #register(TargetState, String, ReleaseType, Policy)}, remembering the release's
     * author (who may never promote it without GO) and the policy's rollout control with it.
     */
    public Transition register(TargetState state, String version, ReleaseType type, Policy policy, String author) {
        Rollout known = state.rollout(version).orElse(null);
        // A rollout that has not started yet follows the policy the gate now decides with (a gate
        // restarted with a new policy version); once traffic moved, its plan is fixed.
        boolean replan = known != null && known.status() == RolloutStatus.PENDING && known.policyHash() != null
                && !known.policyHash().equals(policy.contentHash());
        if (known != null && !replan) {
            return new Transition(state, List.of());
        }
        List<StagePlan> plans = policy.stages().stream().map(this::plan).toList();
        int entry = DIRECT.contains(type) ? plans.size() - 1 : 0;
        Rollout rollout = Rollout.pending(version, type == ReleaseType.HOTFIX, policy.name(), plans, entry, now(),
                policy.contentHash(), author, policy.rolloutControl(), policy.watch().forType(type).orElse(null));
        return new Transition(state.put(rollout), List.of());
    }

    /** The gate decided on {@code stage}: a GO for the stage the rollout waits for promotes it. */
    public Transition gateDecided(TargetState state, String version, String stage, boolean go) {
        Rollout rollout = state.rollout(version).orElse(null);
        if (rollout == null || !rollout.status().active()) {
            return new Transition(state, List.of());
        }
        Step step = new Step(state.put(rollout.withGate(stage, go)));
        Rollout updated = step.rollout(version);
        if (go && !step.state.killed() && waitsFor(updated, stage)) {
            enter(step, updated, indexOf(updated, stage), "gate GO for stage " + stage);
        }
        return step.done();
    }

    /**
     * The gate decided one of the current stage's policy checkpoints. GO marks it passed (the stage
     * completes once all passed and the soak is over); NO_GO takes the checkpoint's {@code onFail}
     * at once — KILL, ROLLBACK or PAUSE, recorded as a {@code RollbackTriggered} naming the
     * checkpoint — and creates its post-mortem obligation, if the policy declares one; HOLD changes
     * nothing (the stage keeps waiting). A decision about another stage, an earlier entry of this
     * one, or a rollout with nothing live is ignored.
     */
    public Transition checkpointDecided(TargetState state, String version, CheckpointVerdict verdict) {
        Rollout rollout = state.rollout(version).orElse(null);
        if (rollout == null || !rollout.stage().name().equals(verdict.stage())
                || verdict.stageStartedAt().isBefore(rollout.since().truncatedTo(ChronoUnit.MILLIS))) {
            return new Transition(state, List.of());
        }
        Step step = new Step(state);
        if (!rollout.live()) {
            // Already stopped (a checkpoint decided a moment earlier killed or rolled it back): nothing
            // is left to act on, but what a failed checkpoint makes someone owe is still owed.
            if (verdict.outcome() == CheckpointVerdict.Outcome.NO_GO && verdict.postMortemDue() != null) {
                obligation(step, version, ObligationKind.POST_MORTEM, verdict.postMortemDue());
            }
            return step.done();
        }
        if (verdict.outcome() == CheckpointVerdict.Outcome.GO) {
            step.put(rollout.checkpointPassed(verdict.checkpoint()));
            advance(step, version);
            return step.done();
        }
        if (verdict.outcome() != CheckpointVerdict.Outcome.NO_GO) {
            return step.done();
        }
        String name = "checkpoint " + verdict.checkpoint();
        String reason = name + " of stage " + verdict.stage() + " failed (" + verdict.reason() + ")";
        GuardAction action = verdict.onFail();
        boolean acts = !state.killed() && !(action == GuardAction.PAUSE && rollout.status() == RolloutStatus.PAUSED);
        if (acts) {
            String what = switch (action) {
                case PAUSE -> ": paused for review";
                case ROLLBACK -> ": rolled back";
                case KILL -> ": kill switch";
            };
            step.emit(new RolloutEffect.GuardActed(version, verdict.stage(), action, name, verdict.reason(),
                    "checkpoint " + verdict.checkpoint() + " (decision " + verdict.decisionId() + ")", reason + what,
                    verdict.evidenceIds(), action == GuardAction.ROLLBACK ? state.stableVersion() : null));
            switch (action) {
                case PAUSE -> step.put(rollout.withStatus(RolloutStatus.PAUSED, rollout.status()));
                case ROLLBACK -> rollBack(step, rollout, "rollback: " + reason);
                case KILL -> {
                    step.emit(new RolloutEffect.KillRequested(version, name, reason));
                    kill(step, reason);
                }
            }
        }
        if (verdict.postMortemDue() != null) {
            obligation(step, version, ObligationKind.POST_MORTEM, verdict.postMortemDue());
        }
        return step.done();
    }

    /** Soak timers, monitor checkpoints, command-ack timeouts and obligation deadlines at the clock's now. */
    public Transition tick(TargetState state) {
        Step step = new Step(state);
        Instant now = now();
        step.state = step.state.withPending(state.pendingCommands().stream().map(pending -> {
            if (pending.alerted() || pending.issuedAt().plus(settings.ackTimeout()).isAfter(now)) {
                return pending;
            }
            step.emit(new RolloutEffect.CommandUnacknowledged(pending.sequence(), pending.commandId(),
                    pending.version(), pending.traffic(), pending.issuedAt(), settings.ackTimeout()));
            return pending.markAlerted();
        }).toList());
        for (Rollout rollout : state.rollouts()) {
            if (rollout.status() == RolloutStatus.STAGE_LIVE) {
                checkpoints(step, rollout.version());
                advance(step, rollout.version());
            } else if (rollout.status() == RolloutStatus.WATCHING) {
                endWatchIfDue(step, rollout.version());
            }
        }
        step.state = step.state.mapObligations(obligation -> {
            if (obligation.fulfilled() || obligation.overdueReported() || obligation.dueAt().isAfter(now)) {
                return obligation;
            }
            step.emit(new RolloutEffect.ObligationOverdue(obligation.version(), obligation.kind(), obligation.dueAt()));
            return obligation.reportedOverdue();
        });
        return step.done();
    }

    /**
     * Guards of the version's live stage tripped. The most drastic due action wins (KILL over
     * ROLLBACK over PAUSE); trips whose {@code actBy} lies in the future are left for a later tick.
     */
    public Transition guardsTripped(TargetState state, String version, List<GuardTrip> tripped) {
        Rollout rollout = state.rollout(version).orElse(null);
        Instant now = now();
        if (rollout != null && rollout.status() == RolloutStatus.WATCHING && !now.isBefore(rollout.watchUntil())) {
            // The watch is over: the trip comes too late to act, the rollout completes instead.
            Step ended = new Step(state);
            endWatchIfDue(ended, version);
            return ended.done();
        }
        List<GuardTrip> trips = rollout != null && rollout.inWatch() ? armedInWatch(rollout, tripped) : tripped;
        GuardTrip trip = trips.stream().filter(t -> !t.actBy().isAfter(now))
                .max(Comparator.comparing((GuardTrip t) -> t.guard().action())
                        .thenComparing(t -> -trips.indexOf(t)))
                .orElse(null);
        if (rollout == null || trip == null || !rollout.live() || state.killed()) {
            return new Transition(state, List.of());
        }
        GuardAction action = trip.guard().action();
        if (action == GuardAction.PAUSE && rollout.status() == RolloutStatus.PAUSED) {
            return new Transition(state, List.of());
        }
        Step step = new Step(state);
        String guard = trip.guard().name();
        String threshold = trip.guard().trigger().describe();
        String during = rollout.inWatch() ? "the post-promotion watch of stage " : "stage ";
        String reason = "guard " + guard + " tripped (" + trip.observed() + ") during " + during + rollout.stage().name();
        switch (action) {
            case PAUSE -> {
                step.put(rollout.withStatus(RolloutStatus.PAUSED, rollout.status()));
                step.emit(guardActed(rollout, trip, threshold, reason + ": paused for review", null));
            }
            case ROLLBACK -> {
                String restored = state.stableVersion();
                step.emit(guardActed(rollout, trip, threshold, reason + ": rolled back", restored));
                if (rollout.inWatch()) {
                    step.emit(new RolloutEffect.WatchEnded(version, rollout.stage().name(), rollout.traffic(),
                            WatchOutcome.ROLLED_BACK, reason + ": rolled back"));
                }
                rollBack(step, rollout, "rollback: guard " + guard + " tripped");
            }
            case KILL -> {
                step.emit(guardActed(rollout, trip, threshold, reason + ": kill switch", null));
                step.emit(new RolloutEffect.KillRequested(version, guard, reason));
                kill(step, "guard " + guard + " tripped");
            }
        }
        return step.done();
    }

    /** The target's kill switch went on: every version to 0 % at once, every rollout frozen. */
    public Transition killActivated(TargetState state, String reason) {
        if (state.killed()) {
            return new Transition(state, List.of());
        }
        Step step = new Step(state);
        kill(step, reason);
        return step.done();
    }

    /** The kill switch went off: frozen rollouts become PAUSED and stay there until a person resumes them. */
    public Transition killDeactivated(TargetState state, String reason) {
        if (!state.killed()) {
            return new Transition(state, List.of());
        }
        Step step = new Step(state.withKill(false, null));
        for (Rollout rollout : state.rollouts()) {
            if (rollout.status() == RolloutStatus.KILLED) {
                step.put(rollout.withStatus(RolloutStatus.PAUSED, rollout.pausedFrom()));
                step.emit(new RolloutEffect.Paused(rollout.version(), rollout.stage().name(), rollout.traffic(),
                        CONTROLLER, "kill switch deactivated (" + reason + "); paused until resumed"));
            }
        }
        return step.done();
    }

    /**
     * The post-mortem a hotfix owes was published (a PASS check named {@link #POST_MORTEM_CHECK} for
     * its version, typically linking the document): the obligation is fulfilled, so it is neither
     * shown as open nor reported overdue. A late post-mortem still fulfils it; the overdue report
     * already on record stays.
     */
    public Transition postMortemPublished(TargetState state, String version) {
        boolean owed = state.obligations().stream().anyMatch(o -> o.kind() == ObligationKind.POST_MORTEM
                && o.version().equals(version) && !o.fulfilled());
        if (!owed) {
            return new Transition(state, List.of());
        }
        return new Transition(state.mapObligations(o -> o.kind() == ObligationKind.POST_MORTEM
                && o.version().equals(version) ? o.fulfil() : o), List.of());
    }

    /** A deployer reported on a command. APPLIED lets the step's soak count; FAILED pauses the rollout. */
    public Transition deploymentReported(TargetState state, long sequence, boolean applied, String message) {
        if (state.pendingCommands().stream().noneMatch(p -> p.sequence() == sequence)) {
            return new Transition(state, List.of());
        }
        Step step = new Step(state.withPending(state.pendingCommands().stream()
                .filter(p -> p.sequence() != sequence).toList()));
        Rollout rollout = state.rollouts().stream()
                .filter(r -> r.stepSequence() != null && r.stepSequence() == sequence && r.status().active())
                .findFirst().orElse(null);
        if (rollout == null) {
            return step.done();
        }
        if (applied) {
            step.put(rollout.applied(true));
            advance(step, rollout.version());
        } else if (rollout.status() == RolloutStatus.STAGE_LIVE || rollout.status() == RolloutStatus.AWAITING_GATE) {
            step.put(rollout.withStatus(RolloutStatus.PAUSED, rollout.status()));
            step.emit(new RolloutEffect.Paused(rollout.version(), rollout.stage().name(), rollout.traffic(), "deployer",
                    "deployment command " + sequence + " failed: " + message));
        }
        return step.done();
    }

    /**
     * Manual promotion into the next stage. Allowed on a recorded GO for that stage once the current
     * stage soaked, to the policy's promote roles; otherwise only to its override roles, and never
     * to the release's author.
     */
    public Transition promote(TargetState state, String version, Actor actor, String reason) {
        Rollout rollout = manual(state, version, ManualCommand.PROMOTE, actor, reason);
        if (state.killed()) {
            throw new RolloutRefusedException(RefusalReason.KILL_SWITCH_ACTIVE, "kill switch of " + state.target()
                    + " is active");
        }
        StagePlan next = rollout.nextStage();
        boolean promotable = rollout.status() == RolloutStatus.PENDING
                || rollout.status() == RolloutStatus.AWAITING_GATE || rollout.status() == RolloutStatus.STAGE_LIVE;
        if (!promotable || next == null) {
            throw illegal(rollout, "promote");
        }
        boolean go = rollout.goStages().contains(next.name()) && rollout.status() != RolloutStatus.STAGE_LIVE;
        ControlPermission.checkPromotion(rollout, next.name(), go, actor);
        Step step = new Step(state);
        String how = go ? "promoted" : "promoted without GO (override)";
        enter(step, rollout, indexOf(rollout, next.name()), how + " by " + actor.name() + ": " + reason);
        return step.done();
    }

    /** Manual hold at the current traffic. */
    public Transition pause(TargetState state, String version, Actor actor, String reason) {
        Rollout rollout = manual(state, version, ManualCommand.PAUSE, actor, reason);
        boolean pausable = rollout.status() == RolloutStatus.PENDING || rollout.status() == RolloutStatus.STAGE_LIVE
                || rollout.status() == RolloutStatus.AWAITING_GATE || rollout.status() == RolloutStatus.WATCHING;
        if (!pausable) {
            throw illegal(rollout, "pause");
        }
        Step step = new Step(state);
        step.put(rollout.withStatus(RolloutStatus.PAUSED, rollout.status()));
        step.emit(new RolloutEffect.Paused(version, rollout.stage().name(), rollout.traffic(), actor.name(), reason));
        return step.done();
    }

    /**
     * Continue a paused rollout, or restore the traffic a kill switch took from a completed one.
     * Refused while the kill switch is on.
     */
    public Transition resume(TargetState state, String version, Actor actor, String reason) {
        Rollout rollout = manual(state, version, ManualCommand.RESUME, actor, reason);
        if (state.killed()) {
            throw new RolloutRefusedException(RefusalReason.KILL_SWITCH_ACTIVE, "kill switch of " + state.target()
                    + " is active; deactivate it first");
        }
        Step step = new Step(state);
        String why = "resumed by " + actor.name() + ": " + reason;
        if (rollout.status() == RolloutStatus.COMPLETED && rollout.traffic() != rollout.stage().traffic()) {
            long sequence = step.issue(version, rollout.stage().traffic(), why, null);
            step.put(rollout.withTraffic(rollout.stage().traffic()));
            step.emit(new RolloutEffect.StepStarted(version, rollout.stage().name(), rollout.stage().traffic(), null,
                    sequence));
        } else if (rollout.status() == RolloutStatus.PAUSED) {
            RolloutStatus back = rollout.pausedFrom() == null ? RolloutStatus.STAGE_LIVE : rollout.pausedFrom();
            if (back != RolloutStatus.PENDING && rollout.traffic() != rollout.stage().traffic()) {
                // The kill switch took the traffic; the stage restarts with a full soak.
                enter(step, rollout, rollout.stageIndex(), why);
            } else {
                step.put(rollout.withStatus(back, null));
            }
        } else {
            throw illegal(rollout, "resume");
        }
        step.emit(new RolloutEffect.Resumed(version, rollout.stage().name(), step.rollout(version).traffic(),
                actor.name(), reason));
        if (step.rollout(version).status() == RolloutStatus.STAGE_LIVE) {
            advance(step, version);
        } else if (step.rollout(version).status() == RolloutStatus.WATCHING) {
            endWatchIfDue(step, version);
        }
        return step.done();
    }

    /** Manual abort: the version's traffic to 0 and the stable version restored. */
    public Transition abort(TargetState state, String version, Actor actor, String reason) {
        Rollout rollout = manual(state, version, ManualCommand.ABORT, actor, reason);
        if (!rollout.status().active()) {
            throw illegal(rollout, "abort");
        }
        Step step = new Step(state);
        boolean deployed = rollout.stepSequence() != null && !state.killed();
        step.emit(new RolloutEffect.Aborted(version, rollout.stage().name(), actor.name(), reason,
                deployed ? state.stableVersion() : null));
        if (rollout.inWatch()) {
            step.emit(new RolloutEffect.WatchEnded(version, rollout.stage().name(), rollout.traffic(),
                    WatchOutcome.ROLLED_BACK, "abort by " + actor.name() + ": " + reason));
        }
        if (deployed) {
            rollBack(step, rollout, "abort by " + actor.name() + ": " + reason);
        } else {
            step.put(rollout.withStatus(RolloutStatus.ROLLED_BACK, null).withTraffic(0));
        }
        return step.done();
    }

    /** The addressed rollout, once the actor may attempt the command on it and gave a reason. */
    private Rollout manual(TargetState state, String version, ManualCommand command, Actor actor, String reason) {
        Rollout rollout = state.rollout(version).orElseThrow(() -> new RolloutRefusedException(
                RefusalReason.UNKNOWN_ROLLOUT, "no rollout of " + state.target() + " " + version));
        ControlPermission.checkAttempt(rollout, command, actor);
        if (reason == null || reason.isBlank()) {
            throw new RolloutRefusedException(RefusalReason.REASON_REQUIRED, "a reason is required");
        }
        return rollout;
    }

    private static RolloutRefusedException illegal(Rollout rollout, String command) {
        RefusalReason reason = rollout.status() == RolloutStatus.KILLED ? RefusalReason.KILL_SWITCH_ACTIVE
                : RefusalReason.ILLEGAL_STATE;
        return new RolloutRefusedException(reason, "cannot " + command + " rollout of " + rollout.version()
                + " in state " + rollout.status());
    }

    private static boolean waitsFor(Rollout rollout, String stage) {
        StagePlan next = rollout.nextStage();
        boolean waiting = rollout.status() == RolloutStatus.PENDING || rollout.status() == RolloutStatus.AWAITING_GATE;
        return waiting && next != null && next.name().equals(stage);
    }

    private static int indexOf(Rollout rollout, String stage) {
        for (int i = 0; i < rollout.stages().size(); i++) {
            if (rollout.stages().get(i).name().equals(stage)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no stage " + stage);
    }

    private void enter(Step step, Rollout rollout, int index, String reason) {
        StagePlan plan = rollout.stages().get(index);
        supersedeWatches(step, rollout.version());
        long sequence = step.issue(rollout.version(), plan.traffic(), "stage " + plan.name() + ": " + reason, null);
        Rollout entered = rollout.enter(index, now(), sequence);
        step.put(entered);
        step.emit(new RolloutEffect.StepStarted(rollout.version(), plan.name(), plan.traffic(),
                plan.soak().isZero() ? null : entered.soakUntil(), sequence));
        boolean owes = step.state.obligations().stream().anyMatch(o -> o.version().equals(rollout.version()));
        if (rollout.hotfix() && entered.finalStage() && !owes) {
            obligation(step, rollout.version(), ObligationKind.POST_MORTEM, settings.postMortemDue());
            obligation(step, rollout.version(), ObligationKind.PROPER_RELEASE, settings.properReleaseDue());
        }
    }

    private void obligation(Step step, String version, ObligationKind kind, Duration due) {
        Obligation obligation = new Obligation(kind, version, now().plus(due), false, false);
        List<Obligation> all = new ArrayList<>(step.state.obligations());
        all.add(obligation);
        step.state = step.state.withObligations(all);
        step.emit(new RolloutEffect.ObligationCreated(version, kind, obligation.dueAt()));
    }

    private void checkpoints(Step step, String version) {
        Rollout rollout = step.rollout(version);
        for (Duration offset : rollout.stage().checkpoints()) {
            if (!rollout.checkpointsDone().contains(offset) && !rollout.since().plus(offset).isAfter(now())) {
                rollout = rollout.checkpointDone(offset);
                step.emit(new RolloutEffect.CheckpointReached(version, rollout.stage().name(), rollout.traffic(), offset));
            }
        }
        step.put(rollout);
    }

    /** A live stage whose deployment was applied and whose soak has passed completes. */
    private void advance(Step step, String version) {
        Rollout rollout = step.rollout(version);
        if (rollout.status() != RolloutStatus.STAGE_LIVE || !rollout.stepApplied()
                || rollout.soakUntil().isAfter(now())
                || !rollout.checkpointsPassed().containsAll(rollout.stage().requiredCheckpoints())) {
            return; // a stage completes only once its policy checkpoints passed
        }
        StagePlan stage = rollout.stage();
        step.emit(new RolloutEffect.StepCompleted(version, stage.name(), rollout.traffic(), rollout.stepSequence()));
        if (rollout.finalStage()) {
            if (!rollout.hotfix()) {
                // A normally gated release at full traffic supersedes the hotfix, watched or not.
                step.state = step.state.mapObligations(o -> o.kind() == ObligationKind.PROPER_RELEASE ? o.fulfil() : o);
            }
            if (rollout.watch() != null) {
                startWatch(step, rollout);
            } else {
                complete(step, rollout);
            }
            return;
        }
        Rollout waiting = rollout.withStatus(RolloutStatus.AWAITING_GATE, null);
        step.put(waiting);
        StagePlan next = waiting.nextStage();
        if (waiting.goStages().contains(next.name()) && !step.state.killed()) {
            enter(step, waiting, rollout.stageIndex() + 1, "gate GO for stage " + next.name());
        }
    }

    /** The version runs at the final stage's traffic and becomes the target's stable version. */
    private void complete(Step step, Rollout rollout) {
        String version = rollout.version();
        step.put(rollout.withStatus(RolloutStatus.COMPLETED, null));
        step.state = step.state.withStable(version);
        step.emit(new RolloutEffect.Completed(version, rollout.stage().name(), rollout.traffic()));
    }

    /**
     * The final stage completed and the policy watches this release type after promotion: the armed
     * guards stay on it until the watch ends; it is not yet the stable version, so a rollback in the
     * watch restores the version it replaced.
     */
    private void startWatch(Step step, Rollout rollout) {
        Instant until = now().plus(rollout.watch().duration());
        step.put(rollout.watching(until));
        step.emit(new RolloutEffect.WatchStarted(rollout.version(), rollout.stage().name(), rollout.traffic(), until,
                rollout.watch().guards()));
    }

    /** A running watch whose end has come (the end itself included) ends and the rollout completes. */
    private void endWatchIfDue(Step step, String version) {
        Rollout rollout = step.rollout(version);
        if (rollout.status() != RolloutStatus.WATCHING || now().isBefore(rollout.watchUntil())) {
            return;
        }
        step.emit(new RolloutEffect.WatchEnded(version, rollout.stage().name(), rollout.traffic(), WatchOutcome.PASSED,
                "post-promotion watch of " + rollout.watch().duration() + " ended without a due trip of an armed guard"));
        complete(step, rollout);
    }

    /**
     * A newer release of the target is being deployed: a version still watched after its promotion
     * completes now (SUPERSEDED), so it is the stable version a rollback of the newer one restores.
     */
    private void supersedeWatches(Step step, String deploying) {
        for (Rollout other : step.state.rollouts()) {
            if (other.status() == RolloutStatus.WATCHING && !other.version().equals(deploying)) {
                step.emit(new RolloutEffect.WatchEnded(other.version(), other.stage().name(), other.traffic(),
                        WatchOutcome.SUPERSEDED, "superseded by the deployment of " + deploying));
                complete(step, other);
            }
        }
    }

    /** During the watch only its armed guards apply, each with the action the watch gives it. */
    private static List<GuardTrip> armedInWatch(Rollout rollout, List<GuardTrip> trips) {
        return trips.stream().flatMap(trip -> rollout.watch().armed(trip.guard().name()).map(armed -> {
            Guard guard = trip.guard();
            return new GuardTrip(new Guard(guard.name(), guard.trigger(), armed.action(), guard.within()),
                    trip.observed(), trip.actBy(), trip.evidenceIds());
        }).stream()).toList();
    }

    private void rollBack(Step step, Rollout rollout, String reason) {
        step.issue(rollout.version(), 0, reason, step.state.stableVersion());
        step.put(rollout.withStatus(RolloutStatus.ROLLED_BACK, null).withTraffic(0));
    }

    private void kill(Step step, String reason) {
        step.state = step.state.withKill(true, reason);
        String why = "kill switch: " + reason;
        boolean stableCommanded = false;
        for (Rollout rollout : step.state.rollouts()) {
            boolean frozen = rollout.status().active() && rollout.status() != RolloutStatus.KILLED;
            boolean running = rollout.traffic() > 0 || rollout.stepSequence() != null;
            // Of the completed rollouts only the stable version still runs; older ones were superseded.
            boolean stable = rollout.status() == RolloutStatus.COMPLETED
                    && rollout.version().equals(step.state.stableVersion());
            if ((frozen || stable) && running) {
                step.issue(rollout.version(), 0, why, null);
                stableCommanded |= rollout.version().equals(step.state.stableVersion());
                step.put(rollout.withTraffic(0));
            }
            if (frozen) {
                RolloutStatus from = rollout.status() == RolloutStatus.PAUSED ? rollout.pausedFrom() : rollout.status();
                if (from == RolloutStatus.WATCHING) {
                    // The switch took the traffic: the watch is over; a resume re-enters the stage and watches anew.
                    step.emit(new RolloutEffect.WatchEnded(rollout.version(), rollout.stage().name(), 0,
                            WatchOutcome.KILLED, why));
                    from = RolloutStatus.STAGE_LIVE;
                }
                step.put(step.rollout(rollout.version()).withStatus(RolloutStatus.KILLED, from));
                step.emit(new RolloutEffect.Paused(rollout.version(), rollout.stage().name(), 0, CONTROLLER, why));
            }
        }
        if (!stableCommanded && step.state.stableVersion() != null
                && step.state.rollout(step.state.stableVersion()).isEmpty()) {
            step.issue(step.state.stableVersion(), 0, why, null);
        }
    }

    private RolloutEffect.GuardActed guardActed(Rollout rollout, GuardTrip trip, String threshold, String reason,
                                                String restored) {
        return new RolloutEffect.GuardActed(rollout.version(), rollout.stage().name(), trip.guard().action(),
                trip.guard().name(), trip.observed(), threshold, reason, trip.evidenceIds(), restored,
                rollout.inWatch() ? rollout.watchUntil() : null);
    }

    private StagePlan plan(Stage stage) {
        Duration soak = stage.soak() == null ? Duration.ZERO : stage.soak();
        List<Duration> checkpoints = settings.checkpointsFor(stage.name()).stream()
                .filter(offset -> offset.compareTo(soak) <= 0).toList();
        return new StagePlan(stage.name(), stage.traffic(), soak, checkpoints,
                stage.checkpoints().stream().map(Checkpoint::name).toList());
    }

    private Instant now() {
        return clock.instant();
    }

    /** Accumulates one transition: the evolving state and the effects, in emission order. */
    private final class Step {
        private TargetState state;
        private final List<RolloutEffect> effects = new ArrayList<>();

        Step(TargetState state) {
            this.state = state;
        }

        Rollout rollout(String version) {
            return state.rollout(version).orElseThrow();
        }

        void put(Rollout rollout) {
            state = state.put(rollout);
        }

        void emit(RolloutEffect effect) {
            effects.add(effect);
        }

        long issue(String version, int traffic, String reason, String previousVersion) {
            long sequence = state.lastSequence() + 1;
            String commandId = CommandIds.of(state.target(), sequence);
            state = state.withSequence(sequence, new PendingCommand(sequence, commandId, version, traffic, now(), false));
            emit(new RolloutEffect.CommandIssued(sequence, commandId, version, traffic, reason, previousVersion));
            return sequence;
        }

        Transition done() {
            return new Transition(state, effects);
        }
    }
}
