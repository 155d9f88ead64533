package dev.greenlight.rollout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.rollout.domain.RolloutEffect.CommandIssued;
import dev.greenlight.rollout.domain.RolloutEffect.Paused;
import dev.greenlight.rollout.domain.RolloutEffect.StepStarted;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The kill switch: 0 % at once, everything frozen, nothing moves until a person resumes. */
class KillSwitchTest {

    /** 2.0.0 stable at 100 %, 2.1.0 at live-25, 2.2.0 registered but not deployed. */
    private static RolloutScenario busyTarget() {
        return new RolloutScenario("ict-qm")
                .register("2.0.0", ReleaseType.BUGFIX, Policies.STRATEGY).go("2.0.0", "live-100").ackAll()
                .register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY)
                .go("2.1.0", "paper").go("2.1.0", "live-25").ackAll().after(Duration.ofDays(4)).ackAll()
                .register("2.2.0", ReleaseType.STRATEGY, Policies.STRATEGY);
    }

    @Test
    void activationCommandsZeroTrafficForEveryRunningVersionAndFreezesEveryRollout() {
        RolloutScenario s = busyTarget();
        long before = s.state.lastSequence();

        s.when(st -> s.machine.killActivated(st, "page alert during ramp"));

        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::version, CommandIssued::traffic)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("2.0.0", 0),
                        org.assertj.core.groups.Tuple.tuple("2.1.0", 0));
        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::sequence)
                .containsExactly(before + 1, before + 2);
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.KILLED);
        assertThat(s.rollout("2.2.0").status()).isEqualTo(RolloutStatus.KILLED);
        assertThat(s.rollout("2.0.0").status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(s.emitted(Paused.class)).extracting(Paused::version).containsExactly("2.1.0", "2.2.0");
    }

    @Test
    void onlyTheStableVersionOfEarlierReleasesIsSwitchedOff() {
        RolloutScenario s = new RolloutScenario("ict-qm")
                .register("2.0.0", ReleaseType.BUGFIX, Policies.STRATEGY).go("2.0.0", "live-100").ackAll()
                .register("2.0.1", ReleaseType.BUGFIX, Policies.STRATEGY).go("2.0.1", "live-100").ackAll()
                .after(Policies.STRATEGY_WATCH);

        s.when(st -> s.machine.killActivated(st, "page"));

        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::version).containsExactly("2.0.1");
    }

    @Test
    void aSecondActivationIsIgnored() {
        RolloutScenario s = busyTarget();
        s.when(st -> s.machine.killActivated(st, "first"));
        TargetState killed = s.state;

        s.when(st -> s.machine.killActivated(st, "again"));

        assertThat(s.effects).isEmpty();
        assertThat(s.state).isEqualTo(killed);
    }

    @Test
    void whileKilledNoGoPromotesAndNoSoakAdvances() {
        RolloutScenario s = busyTarget();
        s.when(st -> s.machine.killActivated(st, "page"));

        s.go("2.2.0", "paper").go("2.1.0", "live-50").after(Duration.ofDays(30));

        assertThat(s.emittedEver(StepStarted.class)).noneMatch(step -> step.version().equals("2.2.0"));
        assertThat(s.rollout("2.1.0").traffic()).isZero();
    }

    @Test
    void resumeIsRefusedWhileTheSwitchIsOn() {
        RolloutScenario s = busyTarget();
        s.when(st -> s.machine.killActivated(st, "page"));

        assertThatThrownBy(() -> s.machine.resume(s.state, "2.1.0", RolloutScenario.FOUNDER, "looks fine"))
                .isInstanceOfSatisfying(RolloutRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.KILL_SWITCH_ACTIVE));
    }

    @Test
    void deactivationLeavesRolloutsPausedAtZeroUntilResumed() {
        RolloutScenario s = busyTarget();
        s.when(st -> s.machine.killActivated(st, "page"));

        s.when(st -> s.machine.killDeactivated(st, "rollback verified"));

        assertThat(s.emitted(CommandIssued.class)).isEmpty();
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(s.rollout("2.1.0").traffic()).isZero();
        assertThat(s.state.killed()).isFalse();
    }

    @Test
    void resumingAfterDeactivationRestartsTheStageWithAFreshCommandAndSoak() {
        RolloutScenario s = busyTarget();
        s.when(st -> s.machine.killActivated(st, "page")).when(st -> s.machine.killDeactivated(st, "ok"));

        s.when(st -> s.machine.resume(st, "2.1.0", RolloutScenario.ALICE, "incident closed"));

        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::traffic).containsExactly(25);
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.STAGE_LIVE);
        assertThat(s.rollout("2.1.0").soakUntil()).isEqualTo(s.clock.instant().plus(Duration.ofDays(3)));
    }

    @Test
    void theStableVersionsTrafficComesBackOnlyWhenResumed() {
        RolloutScenario s = busyTarget();
        s.when(st -> s.machine.killActivated(st, "page")).when(st -> s.machine.killDeactivated(st, "ok"));

        s.when(st -> s.machine.resume(st, "2.0.0", RolloutScenario.ALICE, "restore stable"));

        assertThat(s.emitted(CommandIssued.class)).extracting(CommandIssued::version, CommandIssued::traffic)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2.0.0", 100));
    }

    @Test
    void deactivatingASwitchThatIsOffChangesNothing() {
        RolloutScenario s = busyTarget();
        TargetState before = s.state;

        s.when(st -> s.machine.killDeactivated(st, "noise"));

        assertThat(s.state).isEqualTo(before);
        assertThat(s.effects).isEmpty();
    }
}
