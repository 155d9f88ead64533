package dev.greenlight.rollout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.rollout.domain.CheckpointVerdict.Outcome;
import dev.greenlight.rollout.domain.RolloutEffect.CommandIssued;
import dev.greenlight.rollout.domain.RolloutEffect.Completed;
import dev.greenlight.rollout.domain.RolloutEffect.GuardActed;
import dev.greenlight.rollout.domain.RolloutEffect.KillRequested;
import dev.greenlight.rollout.domain.RolloutEffect.ObligationCreated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RL ramp's checkpoints as the controller acts on them: a failed one takes its action when it
 * is decided (T+5 for an alert), owes its obligation, and the stage completes only once all passed.
 */
class CheckpointActionTest {

    /** rl-policy 1.4.0 entered live-10 (10 % influence) at {@code live10Start()}, command applied. */
    private static RolloutScenario rlLive10() {
        RolloutScenario s = new RolloutScenario("rl-policy")
                .register("1.4.0", ReleaseType.MODEL, Policies.RL).go("1.4.0", "shadow").ackAll()
                .go("1.4.0", "live-10").ackAll();
        assertThat(s.rollout("1.4.0").stage().name()).isEqualTo("live-10");
        assertThat(s.rollout("1.4.0").stage().requiredCheckpoints()).containsExactly("t+30", "t+60", "t+120");
        return s;
    }

    private static Instant live10Start(RolloutScenario s) {
        return s.rollout("1.4.0").since();
    }

    private static CheckpointVerdict verdict(RolloutScenario s, String checkpoint, Outcome outcome, GuardAction onFail,
                                             Duration postMortem) {
        return new CheckpointVerdict("live-10", checkpoint, live10Start(s), outcome, onFail, postMortem,
                "no-warning-alerts-since-ramp: 1 WARNING alert(s) firing", "d-" + checkpoint, List.of("alert-1"));
    }

    @Test
    void givenT30FailedAtT5_thenTheKillSwitchIsActivatedAtT5() {
        RolloutScenario s = rlLive10().after(Duration.ofMinutes(5));

        s.when(st -> s.machine.checkpointDecided(st, "1.4.0", verdict(s, "t+30", Outcome.NO_GO, GuardAction.KILL, null)));

        assertThat(s.rollout("1.4.0").status()).isEqualTo(RolloutStatus.KILLED);
        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::traffic).containsOnly(0);
        GuardActed acted = s.emitted(GuardActed.class).get(0);
        assertThat(acted.guard()).isEqualTo("checkpoint t+30");
        assertThat(acted.action()).isEqualTo(GuardAction.KILL);
        assertThat(acted.evidenceIds()).containsExactly("alert-1");
        assertThat(s.emitted(KillRequested.class)).hasSize(1);
    }

    @Test
    void givenT120Failed_thenKillAndAPostMortemObligation() {
        RolloutScenario s = rlLive10().after(Duration.ofMinutes(120));

        s.when(st -> s.machine.checkpointDecided(st, "1.4.0",
                verdict(s, "t+120", Outcome.NO_GO, GuardAction.KILL, Duration.ofHours(24))));

        assertThat(s.rollout("1.4.0").status()).isEqualTo(RolloutStatus.KILLED);
        ObligationCreated owed = s.emitted(ObligationCreated.class).get(0);
        assertThat(owed.kind()).isEqualTo(ObligationKind.POST_MORTEM);
        assertThat(owed.dueAt()).isEqualTo(s.clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void givenT30AlreadyKilledTheRamp_whenT120FailsOnTheSameAlert_thenOnlyThePostMortemIsAdded() {
        RolloutScenario s = rlLive10().after(Duration.ofMinutes(5));
        s.when(st -> s.machine.checkpointDecided(st, "1.4.0", verdict(s, "t+30", Outcome.NO_GO, GuardAction.KILL, null)));
        int commands = s.emittedEver(CommandIssued.class).size();

        s.when(st -> s.machine.checkpointDecided(st, "1.4.0",
                verdict(s, "t+120", Outcome.NO_GO, GuardAction.KILL, Duration.ofHours(24))));

        assertThat(s.rollout("1.4.0").status()).isEqualTo(RolloutStatus.KILLED);
        assertThat(s.emitted(ObligationCreated.class)).extracting(ObligationCreated::kind)
                .containsExactly(ObligationKind.POST_MORTEM);
        assertThat(s.emitted(GuardActed.class)).as("nothing left to act on").isEmpty();
        assertThat(s.emittedEver(CommandIssued.class)).hasSize(commands);
    }

    @Test
    void aRollbackCheckpointRestoresTheStableVersion() {
        RolloutScenario s = rlLive10().after(Duration.ofMinutes(60));

        s.when(st -> s.machine.checkpointDecided(st, "1.4.0", verdict(s, "t+60", Outcome.NO_GO, GuardAction.ROLLBACK, null)));

        assertThat(s.rollout("1.4.0").status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    }

    @Test
    void theStageCompletesOnlyOnceEveryCheckpointPassed() {
        RolloutScenario s = rlLive10();
        s.when(st -> s.machine.checkpointDecided(st, "1.4.0", verdict(s, "t+30", Outcome.GO, GuardAction.KILL, null)));
        s.when(st -> s.machine.checkpointDecided(st, "1.4.0", verdict(s, "t+60", Outcome.GO, GuardAction.KILL, null)));

        s.after(Duration.ofHours(2));
        assertThat(s.rollout("1.4.0").status()).as("soak over, T+120 not decided yet").isEqualTo(RolloutStatus.STAGE_LIVE);
        assertThat(s.emittedEver(Completed.class)).isEmpty();

        s.when(st -> s.machine.checkpointDecided(st, "1.4.0", verdict(s, "t+120", Outcome.HOLD, GuardAction.KILL, null)));
        assertThat(s.rollout("1.4.0").status()).as("a HOLD is not a pass").isEqualTo(RolloutStatus.STAGE_LIVE);

        s.when(st -> s.machine.checkpointDecided(st, "1.4.0", verdict(s, "t+120", Outcome.GO, GuardAction.KILL, null)));
        assertThat(s.rollout("1.4.0").status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(s.emitted(Completed.class)).hasSize(1);
    }

    @Test
    void aDecisionAboutAnEarlierEntryOfTheStageMovesNothing() {
        RolloutScenario s = rlLive10().after(Duration.ofMinutes(5));
        CheckpointVerdict stale = new CheckpointVerdict("live-10", "t+30", live10Start(s).minusSeconds(3600),
                Outcome.NO_GO, GuardAction.KILL, null, "old", "d-old", List.of());

        s.when(st -> s.machine.checkpointDecided(st, "1.4.0", stale));

        assertThat(s.effects).isEmpty();
        assertThat(s.rollout("1.4.0").status()).isEqualTo(RolloutStatus.STAGE_LIVE);
    }
}
