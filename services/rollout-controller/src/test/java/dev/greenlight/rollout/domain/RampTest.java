package dev.greenlight.rollout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.rollout.domain.RolloutEffect.CheckpointReached;
import dev.greenlight.rollout.domain.RolloutEffect.CommandIssued;
import dev.greenlight.rollout.domain.RolloutEffect.Completed;
import dev.greenlight.rollout.domain.RolloutEffect.StepCompleted;
import dev.greenlight.rollout.domain.RolloutEffect.StepStarted;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Whole ramps from the runbooks, in simulated time. */
class RampTest {

    @Test
    void strategyRampsPaperTo25To50To100OverFourteenDays() {
        RolloutScenario s = new RolloutScenario("ict-qm").register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY);
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.PENDING);

        s.go("2.1.0", "paper").ackAll();
        assertThat(s.rollout("2.1.0").stage().name()).isEqualTo("paper");
        s.go("2.1.0", "live-25");                   // gate already says GO, but paper must soak 4 days
        s.after(Duration.ofDays(4).minusMinutes(1));
        assertThat(s.rollout("2.1.0").traffic()).isZero();

        s.after(Duration.ofMinutes(1)).ackAll();    // day 4
        assertThat(s.rollout("2.1.0").traffic()).isEqualTo(25);
        s.after(Duration.ofDays(3));                // day 7: soaked, but no GO for live-50 yet
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.AWAITING_GATE);
        s.go("2.1.0", "live-50").ackAll();
        assertThat(s.rollout("2.1.0").traffic()).isEqualTo(50);
        s.after(Duration.ofDays(7)).go("2.1.0", "live-100");  // day 14
        assertThat(s.rollout("2.1.0").traffic()).isEqualTo(100);
        s.ackAll();
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.WATCHING);  // the policy's post-promotion watch
        s.after(Policies.STRATEGY_WATCH);

        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(s.emitted(Completed.class)).containsExactly(new Completed("2.1.0", "live-100", 100));
        assertThat(s.clock.instant()).isEqualTo(RolloutScenario.START.plus(Duration.ofDays(14)).plus(Policies.STRATEGY_WATCH));
        assertThat(s.emittedEver(CommandIssued.class)).extracting(CommandIssued::traffic).containsExactly(0, 25, 50, 100);
        assertThat(s.emittedEver(CommandIssued.class)).extracting(CommandIssued::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(s.emittedEver(StepCompleted.class)).extracting(StepCompleted::stage)
                .containsExactly("paper", "live-25", "live-50", "live-100");
        assertThat(s.state.stableVersion()).isEqualTo("2.1.0");
    }

    @Test
    void rlPolicyGoesFromShadowToTenPercentAndCompletesAfterTwoMonitoredHours() {
        RolloutScenario s = new RolloutScenario("rl-policy").register("3.0.0", ReleaseType.MODEL, Policies.RL);

        s.go("3.0.0", "shadow").ackAll();           // shadow has no soak: done once deployed
        assertThat(s.rollout("3.0.0").status()).isEqualTo(RolloutStatus.AWAITING_GATE);
        s.go("3.0.0", "live-10").ackAll();
        assertThat(s.emittedEver(StepStarted.class)).last()
                .isEqualTo(new StepStarted("3.0.0", "live-10", 10, RolloutScenario.START.plus(Duration.ofHours(2)), 2L));

        s.after(Duration.ofMinutes(30));
        assertThat(s.emitted(CheckpointReached.class)).extracting(CheckpointReached::offset)
                .containsExactly(Duration.ofMinutes(30));
        s.after(Duration.ofMinutes(30));
        assertThat(s.emitted(CheckpointReached.class)).extracting(CheckpointReached::offset)
                .containsExactly(Duration.ofMinutes(60));
        assertThat(s.rollout("3.0.0").status()).isEqualTo(RolloutStatus.STAGE_LIVE);
        java.time.Instant started = s.rollout("3.0.0").since();
        for (String passed : java.util.List.of("t+30", "t+60")) {
            s.when(st -> s.machine.checkpointDecided(st, "3.0.0", new CheckpointVerdict("live-10", passed, started,
                    CheckpointVerdict.Outcome.GO, dev.greenlight.policy.model.GuardAction.KILL, null, "", "d",
                    java.util.List.of())));
        }
        s.after(Duration.ofMinutes(60));

        assertThat(s.emitted(CheckpointReached.class)).extracting(CheckpointReached::offset)
                .containsExactly(Duration.ofMinutes(120));
        assertThat(s.emitted(Completed.class)).as("the policy's T+120 checkpoint is not decided yet").isEmpty();
        s.when(st -> s.machine.checkpointDecided(st, "3.0.0", new CheckpointVerdict("live-10", "t+120", started,
                CheckpointVerdict.Outcome.GO, dev.greenlight.policy.model.GuardAction.KILL, null, "", "d",
                java.util.List.of())));
        assertThat(s.emitted(Completed.class)).containsExactly(new Completed("3.0.0", "live-10", 10));
        assertThat(s.emittedEver(CommandIssued.class)).extracting(CommandIssued::traffic).containsExactly(0, 10);
    }

    @Test
    void checkpointsAreReportedOnceEvenWhenTicksRepeat() {
        RolloutScenario s = new RolloutScenario("rl-policy").register("3.0.0", ReleaseType.MODEL, Policies.RL)
                .go("3.0.0", "shadow").ackAll().go("3.0.0", "live-10").ackAll();

        s.after(Duration.ofMinutes(45)).after(Duration.ZERO).after(Duration.ofMinutes(1));

        assertThat(s.emittedEver(CheckpointReached.class)).hasSize(1);
    }

    @Test
    void aStageDoesNotCompleteBeforeTheDeployerAppliedItsCommand() {
        RolloutScenario s = new RolloutScenario("ict-qm").register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY)
                .go("2.1.0", "paper").go("2.1.0", "live-25");

        s.after(Duration.ofDays(5));
        assertThat(s.rollout("2.1.0").stage().name()).isEqualTo("paper");

        s.ackAll();
        assertThat(s.rollout("2.1.0").stage().name()).isEqualTo("live-25");
    }

    @Test
    void noGoOrHoldMovesNothingAndWithdrawsAnEarlierGo() {
        RolloutScenario s = new RolloutScenario("ict-qm").register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY)
                .go("2.1.0", "paper").ackAll().go("2.1.0", "live-25");
        s.when(st -> s.machine.gateDecided(st, "2.1.0", "live-25", false));

        s.after(Duration.ofDays(4));

        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.AWAITING_GATE);
        assertThat(s.rollout("2.1.0").traffic()).isZero();
        assertThat(s.emitted(CommandIssued.class)).isEmpty();
    }

    @Test
    void aGoForAStageTheRolloutIsNotWaitingForIsOnlyRecorded() {
        RolloutScenario s = new RolloutScenario("ict-qm").register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY);

        s.go("2.1.0", "live-100");

        assertThat(s.effects).isEmpty();
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.PENDING);
        assertThat(s.rollout("2.1.0").goStages()).containsExactly("live-100");
    }

    @Test
    void decisionsForUnknownReleasesAndRepeatedRegistrationsChangeNothing() {
        RolloutScenario s = new RolloutScenario("ict-qm").register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY)
                .go("2.1.0", "paper");
        TargetState before = s.state;

        s.go("9.9.9", "paper").register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY);

        assertThat(s.state).isEqualTo(before);
        assertThat(s.effects).isEmpty();
    }

    @Test
    void directReleasesEnterTheLiveStageStraightAway() {
        RolloutScenario s = new RolloutScenario("ict-qm").register("2.1.1", ReleaseType.BUGFIX, Policies.STRATEGY);

        s.go("2.1.1", "live-100").ackAll();

        assertThat(s.emittedEver(CommandIssued.class)).extracting(CommandIssued::traffic).containsExactly(100);
        assertThat(s.rollout("2.1.1").status()).isEqualTo(RolloutStatus.WATCHING);
        assertThat(s.state.obligations()).isEmpty();
    }
}
