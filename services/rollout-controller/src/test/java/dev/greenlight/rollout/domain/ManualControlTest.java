package dev.greenlight.rollout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.rollout.domain.RolloutEffect.Aborted;
import dev.greenlight.rollout.domain.RolloutEffect.CommandIssued;
import dev.greenlight.rollout.domain.RolloutEffect.Paused;
import dev.greenlight.rollout.domain.RolloutEffect.Resumed;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** promote, pause, resume and abort by people, and every way they are refused. */
class ManualControlTest {

    private static RolloutScenario onPaper() {
        return new RolloutScenario("ict-qm")
                .register("2.0.0", ReleaseType.BUGFIX, Policies.STRATEGY).go("2.0.0", "live-100").ackAll()
                .register("2.1.0", ReleaseType.STRATEGY, Policies.STRATEGY).go("2.1.0", "paper").ackAll();
    }

    private static void refused(RefusalReason reason, Executable command) {
        assertThatThrownBy(command::execute).isInstanceOfSatisfying(RolloutRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void promoteWithoutGoIsRefused() {
        RolloutScenario s = onPaper().after(Duration.ofDays(4));

        refused(RefusalReason.NOT_APPROVED, () -> s.machine.promote(s.state, "2.1.0", RolloutScenario.ALICE, "go"));
    }

    @Test
    void theOverrideRoleMayPromoteWithoutGoEvenBeforeTheSoakEnds() {
        RolloutScenario s = onPaper();

        s.when(st -> s.machine.promote(st, "2.1.0", RolloutScenario.FOUNDER, "market event, accept risk"));

        CommandIssued command = s.emitted(CommandIssued.class).get(0);
        assertThat(command.traffic()).isEqualTo(25);
        assertThat(command.reason()).contains("override").contains("fay").contains("market event, accept risk");
    }

    @Test
    void promoteOnARecordedGoIsAllowedToAReleaseCaptain() {
        RolloutScenario s = onPaper().after(Duration.ofDays(4));
        s.when(st -> s.machine.pause(st, "2.1.0", RolloutScenario.ALICE, "wait for risk desk"))
                .go("2.1.0", "live-25")
                .when(st -> s.machine.resume(st, "2.1.0", RolloutScenario.ALICE, "risk desk ok"));
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.AWAITING_GATE);

        s.when(st -> s.machine.promote(st, "2.1.0", RolloutScenario.ALICE, "GO recorded while paused"));

        assertThat(s.rollout("2.1.0").traffic()).isEqualTo(25);
    }

    @Test
    void everyManualCommandNeedsAReason() {
        RolloutScenario s = onPaper();

        refused(RefusalReason.REASON_REQUIRED, () -> s.machine.pause(s.state, "2.1.0", RolloutScenario.ALICE, " "));
        refused(RefusalReason.REASON_REQUIRED, () -> s.machine.promote(s.state, "2.1.0", RolloutScenario.FOUNDER, null));
        refused(RefusalReason.REASON_REQUIRED, () -> s.machine.abort(s.state, "2.1.0", RolloutScenario.ALICE, ""));
        refused(RefusalReason.REASON_REQUIRED, () -> s.machine.resume(s.state, "2.1.0", RolloutScenario.ALICE, ""));
    }

    @Test
    void commandsForUnknownVersionsAreRefused() {
        RolloutScenario s = onPaper();

        refused(RefusalReason.UNKNOWN_ROLLOUT, () -> s.machine.pause(s.state, "9.9.9", RolloutScenario.ALICE, "x"));
    }

    @Test
    void pauseHoldsAndResumeContinuesTheSoak() {
        RolloutScenario s = onPaper();

        s.when(st -> s.machine.pause(st, "2.1.0", RolloutScenario.ALICE, "news pending"));
        assertThat(s.emitted(Paused.class)).containsExactly(new Paused("2.1.0", "paper", 0, "alice", "news pending"));
        refused(RefusalReason.ILLEGAL_STATE, () -> s.machine.pause(s.state, "2.1.0", RolloutScenario.ALICE, "again"));

        s.when(st -> s.machine.resume(st, "2.1.0", RolloutScenario.ALICE, "news out"));
        assertThat(s.emitted(Resumed.class)).hasSize(1);
        assertThat(s.emitted(CommandIssued.class)).isEmpty();
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.STAGE_LIVE);
    }

    @Test
    void resumeOfARolloutThatIsNotPausedIsRefused() {
        RolloutScenario s = onPaper();

        refused(RefusalReason.ILLEGAL_STATE, () -> s.machine.resume(s.state, "2.1.0", RolloutScenario.ALICE, "x"));
    }

    @Test
    void abortRollsBackToTheStableVersionAndIsFinal() {
        RolloutScenario s = onPaper();

        s.when(st -> s.machine.abort(st, "2.1.0", RolloutScenario.ALICE, "wrong parameters"));

        assertThat(s.emitted(Aborted.class).get(0).restoredVersion()).isEqualTo("2.0.0");
        CommandIssued command = s.emitted(CommandIssued.class).get(0);
        assertThat(command.traffic()).isZero();
        assertThat(command.previousVersion()).isEqualTo("2.0.0");
        assertThat(s.rollout("2.1.0").status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        refused(RefusalReason.ILLEGAL_STATE, () -> s.machine.abort(s.state, "2.1.0", RolloutScenario.ALICE, "x"));
        refused(RefusalReason.ILLEGAL_STATE, () -> s.machine.promote(s.state, "2.1.0", RolloutScenario.FOUNDER, "x"));
    }

    @Test
    void abortingANeverDeployedRolloutIssuesNoCommand() {
        RolloutScenario s = onPaper().register("2.2.0", ReleaseType.STRATEGY, Policies.STRATEGY);

        s.when(st -> s.machine.abort(st, "2.2.0", RolloutScenario.ALICE, "superseded"));

        assertThat(s.emitted(CommandIssued.class)).isEmpty();
        assertThat(s.rollout("2.2.0").status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    }

    @Test
    void promoteAfterTheLastStageOrWhileKilledIsRefused() {
        RolloutScenario s = onPaper();
        refused(RefusalReason.ILLEGAL_STATE, () -> s.machine.promote(s.state, "2.0.0", RolloutScenario.FOUNDER, "x"));

        s.when(st -> s.machine.killActivated(st, "page"));
        refused(RefusalReason.KILL_SWITCH_ACTIVE,
                () -> s.machine.promote(s.state, "2.1.0", RolloutScenario.FOUNDER, "x"));
        refused(RefusalReason.KILL_SWITCH_ACTIVE, () -> s.machine.pause(s.state, "2.1.0", RolloutScenario.ALICE, "x"));
    }
}
