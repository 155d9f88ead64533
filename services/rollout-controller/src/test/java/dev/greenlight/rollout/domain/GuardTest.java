package dev.greenlight.rollout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.engine.GuardTrip;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.rollout.domain.RolloutEffect.CommandIssued;
import dev.greenlight.rollout.domain.RolloutEffect.GuardActed;
import dev.greenlight.rollout.domain.RolloutEffect.KillRequested;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guard trips while a stage is live: PAUSE, ROLLBACK and KILL. */
class GuardTest {

    /** ict-qm 2.0.0 is stable; 2.1.0 runs live-25. */
    private static RolloutScenario strategyAt25() {
        RolloutScenario s = new RolloutScenario("ict-qm")
                .register("2.0.0", ReleaseType.BUGFIX, Policies.STRATEGY).go("2.0.0", "live-100").ackAll()
                .register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY)
                .go("2.1.0", "paper").go("2.1.0", "live-25").ackAll().after(Duration.ofDays(4)).ackAll();
        assertThat(s.rollout("2.1.0").traffic()).isEqualTo(25);
        return s;
    }

    private static GuardTrip trip(RolloutScenario s, String guard, String observed) {
        return new GuardTrip(Policies.guard(Policies.STRATEGY, "live-25", guard), observed, s.clock.instant(),
                List.of("metric-1"));
    }

    @Test
    void pauseHoldsTrafficAndExplainsItself() {
        RolloutScenario s = strategyAt25();

        s.trip("2.1.0", trip(s, "unexpected-losses", "unexpected_loss_events_total = 1 > 0"));

        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(s.rollout("2.1.0").traffic()).isEqualTo(25);
        assertThat(s.emitted(CommandIssued.class)).isEmpty();
        GuardActed acted = s.emitted(GuardActed.class).get(0);
        assertThat(acted.action()).isEqualTo(GuardAction.PAUSE);
        assertThat(acted.guard()).isEqualTo("unexpected-losses");
        assertThat(acted.observed()).isEqualTo("unexpected_loss_events_total = 1 > 0");
        assertThat(acted.threshold()).isEqualTo("unexpected_loss_events_total > 0.0");
        assertThat(acted.evidenceIds()).containsExactly("metric-1");
    }

    @Test
    void aPausedRolloutDoesNotSoakOnAndASecondPauseTripIsIgnored() {
        RolloutScenario s = strategyAt25();
        s.trip("2.1.0", trip(s, "unexpected-losses", "1"));

        s.after(Duration.ofDays(10)).trip("2.1.0", trip(s, "unexpected-losses", "2"));

        assertThat(s.effects).isEmpty();
        assertThat(s.rollout("2.1.0").stage().name()).isEqualTo("live-25");
    }

    @Test
    void rollbackTakesTheVersionToZeroAndRestoresTheStableVersion() {
        RolloutScenario s = strategyAt25();

        s.trip("2.1.0", trip(s, "live-errors", "live_errors_total = 4 > 3"));

        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        CommandIssued command = s.emitted(CommandIssued.class).get(0);
        assertThat(command.version()).isEqualTo("2.1.0");
        assertThat(command.traffic()).isZero();
        assertThat(command.previousVersion()).isEqualTo("2.0.0");
        assertThat(command.sequence()).isEqualTo(s.state.lastSequence());
        assertThat(s.emitted(GuardActed.class).get(0).restoredVersion()).isEqualTo("2.0.0");
    }

    @Test
    void aGuardWithADeadlineActsOnlyWhenTheDeadlinePasses() {
        RolloutScenario s = strategyAt25();
        GuardTrip divergence = new GuardTrip(Policies.guard(Policies.STRATEGY, "live-25", "signal-divergence"),
                "signal_divergence_pct = 35 > 30", s.clock.instant().plus(Duration.ofHours(24)), List.of("m-7"));

        s.trip("2.1.0", divergence);
        assertThat(s.effects).isEmpty();

        s.clock.advance(Duration.ofHours(24));
        s.trip("2.1.0", divergence);
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    }

    @Test
    void killStopsEveryVersionOfTheTargetAndAsksForTheKillSwitch() {
        RolloutScenario s = new RolloutScenario("rl-policy").register("3.0.0", ReleaseType.MODEL, Policies.RL)
                .go("3.0.0", "shadow").ackAll().go("3.0.0", "live-10").ackAll();
        GuardTrip entropy = new GuardTrip(Policies.guard(Policies.RL, "live-10", "entropy-collapse"),
                "policy_entropy = 0.74 < 0.8", s.clock.instant(), List.of("m-1"));

        s.trip("3.0.0", entropy);

        assertThat(s.emitted(GuardActed.class)).extracting(GuardActed::action).containsExactly(GuardAction.KILL);
        assertThat(s.emitted(KillRequested.class)).hasSize(1);
        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::traffic).containsExactly(0);
        assertThat(s.rollout("3.0.0").status()).isEqualTo(RolloutStatus.KILLED);
        assertThat(s.state.killed()).isTrue();
    }

    @Test
    void theMostDrasticDueActionWins() {
        RolloutScenario s = strategyAt25();

        s.when(st -> s.machine.guardsTripped(st, "2.1.0", List.of(trip(s, "unexpected-losses", "1"),
                trip(s, "live-errors", "4"))));

        assertThat(s.emitted(GuardActed.class)).extracting(GuardActed::guard).containsExactly("live-errors");
    }

    @Test
    void guardsDoNotApplyToRolloutsWithoutTrafficOrAlreadyStopped() {
        RolloutScenario s = new RolloutScenario("ict-qm").register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY);

        s.trip("2.1.0", trip(s, "live-errors", "4"));
        assertThat(s.effects).isEmpty();

        s = strategyAt25();
        s.trip("2.1.0", trip(s, "live-errors", "4"));
        RolloutScenario stopped = s;
        stopped.trip("2.1.0", trip(stopped, "live-errors", "5"));
        assertThat(stopped.effects).isEmpty();
    }
}
