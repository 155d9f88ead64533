package dev.greenlight.rollout.domain;

import dev.greenlight.policy.model.RolloutControl;
import dev.greenlight.policy.model.WatchRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One release's rollout: which stage it is in, what traffic its version has, and what it waits for.
 * Immutable; {@link RolloutMachine} derives the next value.
 *
 * @param stageIndex index into {@code stages} of the current (or, when PENDING, the entry) stage
 * @param pausedFrom the state to return to on resume; null unless PAUSED or KILLED
 * @param since when the current stage was entered (or the rollout registered)
 * @param soakUntil end of the current stage's soak; null when not live
 * @param checkpointsDone offsets of the current stage's checkpoints already reported
 * @param goStages stages whose latest gate decision is GO
 * @param stepSequence sequence of the command that started the current stage; null if none
 * @param stepApplied whether the deployer applied that command
 * @param policyHash content hash of the announced policy the rollout is bound to: the one the gate
 *                   decided with ({@code GateDecided.policy.contentHash}); null only in state
 *                   written before rollouts were bound by hash
 * @param author who registered the release (null if unknown); never promotes it without GO
 * @param control who may steer this rollout by hand, fixed by the policy it was registered under
 *                (the defaults for state written before rollouts carried it)
 * @param watch the post-promotion watch the policy gives the release's type; null: none (completes
 *              when the final stage soaked)
 * @param watchUntil end of the running watch; null unless the watch started
 * @param checkpointsPassed the current stage's policy checkpoints decided GO since it was entered
 */
public record Rollout(String version, boolean hotfix, String policy, List<StagePlan> stages, int stageIndex,
                      RolloutStatus status, RolloutStatus pausedFrom, int traffic, Instant since, Instant soakUntil,
                      Set<Duration> checkpointsDone, Set<String> goStages, Long stepSequence, boolean stepApplied,
                      String policyHash, String author, RolloutControl control, WatchRule watch,
                      Instant watchUntil, Set<String> checkpointsPassed) {

    public Rollout {
        checkpointsPassed = checkpointsPassed == null ? Set.of() : Set.copyOf(checkpointsPassed);
        stages = List.copyOf(stages);
        checkpointsDone = Set.copyOf(checkpointsDone);
        goStages = Set.copyOf(goStages);
        control = control == null ? RolloutControl.defaults() : control;
    }

    static Rollout pending(String version, boolean hotfix, String policy, List<StagePlan> stages, int entryStage,
                           Instant now, String policyHash, String author, RolloutControl control, WatchRule watch) {
        return new Rollout(version, hotfix, policy, stages, entryStage, RolloutStatus.PENDING, null, 0, now, null,
                Set.of(), Set.of(), null, false, policyHash, author, control, watch, null, Set.of());
    }

    public StagePlan stage() {
        return stages.get(stageIndex);
    }

    /** The stage a GO would move this rollout into; null when there is none. */
    public StagePlan nextStage() {
        if (status == RolloutStatus.PENDING) {
            return stage();
        }
        return stageIndex + 1 < stages.size() ? stages.get(stageIndex + 1) : null;
    }

    public boolean finalStage() {
        return stageIndex == stages.size() - 1;
    }

    /** Whether the version currently has (or may have) traffic a guard must protect. */
    public boolean live() {
        return status == RolloutStatus.STAGE_LIVE || status == RolloutStatus.AWAITING_GATE
                || status == RolloutStatus.WATCHING || (status == RolloutStatus.PAUSED && stepSequence != null);
    }

    /** Whether the post-promotion watch runs or is held (paused during it): only its armed guards apply. */
    public boolean inWatch() {
        return status == RolloutStatus.WATCHING
                || (status == RolloutStatus.PAUSED || status == RolloutStatus.KILLED)
                && pausedFrom == RolloutStatus.WATCHING;
    }

    /** The final stage completed: the post-promotion watch starts and runs until {@code until}. */
    Rollout watching(Instant until) {
        return new Rollout(version, hotfix, policy, stages, stageIndex, RolloutStatus.WATCHING, null, traffic, since,
                soakUntil, checkpointsDone, goStages, stepSequence, stepApplied, policyHash, author, control, watch,
                until, checkpointsPassed);
    }

    Rollout withStatus(RolloutStatus next, RolloutStatus from) {
        return new Rollout(version, hotfix, policy, stages, stageIndex, next, from, traffic, since, soakUntil,
                checkpointsDone, goStages, stepSequence, stepApplied, policyHash, author, control, watch, watchUntil, checkpointsPassed);
    }

    Rollout withTraffic(int value) {
        return new Rollout(version, hotfix, policy, stages, stageIndex, status, pausedFrom, value, since, soakUntil,
                checkpointsDone, goStages, stepSequence, stepApplied, policyHash, author, control, watch, watchUntil, checkpointsPassed);
    }

    Rollout withGate(String stage, boolean go) {
        Set<String> gos = new TreeSet<>(goStages);
        if (go) {
            gos.add(stage);
        } else {
            gos.remove(stage);
        }
        return new Rollout(version, hotfix, policy, stages, stageIndex, status, pausedFrom, traffic, since, soakUntil,
                checkpointsDone, gos, stepSequence, stepApplied, policyHash, author, control, watch, watchUntil, checkpointsPassed);
    }

    Rollout enter(int index, Instant now, Long sequence) {
        StagePlan plan = stages.get(index);
        return new Rollout(version, hotfix, policy, stages, index, RolloutStatus.STAGE_LIVE, null, plan.traffic(), now,
                now.plus(plan.soak()), Set.of(), goStages, sequence, sequence == null, policyHash, author, control,
                watch, null, Set.of());
    }

    Rollout checkpointDone(Duration offset) {
        Set<Duration> done = new TreeSet<>(checkpointsDone);
        done.add(offset);
        return new Rollout(version, hotfix, policy, stages, stageIndex, status, pausedFrom, traffic, since, soakUntil,
                done, goStages, stepSequence, stepApplied, policyHash, author, control, watch, watchUntil, checkpointsPassed);
    }

    /** The current stage's checkpoint {@code name} was decided GO. */
    Rollout checkpointPassed(String name) {
        Set<String> passed = new TreeSet<>(checkpointsPassed);
        passed.add(name);
        return new Rollout(version, hotfix, policy, stages, stageIndex, status, pausedFrom, traffic, since, soakUntil,
                checkpointsDone, goStages, stepSequence, stepApplied, policyHash, author, control, watch, watchUntil, passed);
    }

    Rollout applied(boolean value) {
        return new Rollout(version, hotfix, policy, stages, stageIndex, status, pausedFrom, traffic, since, soakUntil,
                checkpointsDone, goStages, stepSequence, value, policyHash, author, control, watch, watchUntil, checkpointsPassed);
    }
}
