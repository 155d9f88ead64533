package dev.greenlight.rollout.kafka;

import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.rollout.kafka.RolloutEvents.go;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RolloutPaused;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.rollout.domain.RolloutStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The org-wide kill switch through the real topology: one flip on a pattern freezes every covered
 * target's rollouts at 0 % (two targets here, on whatever partition), keeps a target that starts
 * while it is on from getting traffic, leaves targets it does not cover alone, and when switched
 * off leaves the frozen rollouts paused until a person resumes them — but never lifts a target's
 * own kill switch.
 */
class OrgWideKillSwitchTest extends RolloutTopologyHarness {

    @Test
    void oneFlipOnAPatternFreezesEveryCoveredRollout_andOffLeavesThemPausedUntilResumed() {
        at25("ict-qm");
        at25("ict-fx");
        at25("other-svc");
        assertThat(liveTraffic("ict-qm")).isPositive();
        assertThat(liveTraffic("ict-fx")).isPositive();
        int before = commandLog.size();

        send(Topics.KILL_SWITCH_PATTERNS, "ict-*", new KillSwitchActivated(RolloutEvents.meta(clock.instant()),
                "ict-*", "market data feed corrupt", "erin", KillSwitchSource.MANUAL));
        advance(Duration.ofSeconds(1));

        assertThat(commandLog.subList(before, commandLog.size()))
                .allSatisfy(c -> assertThat(c.getTrafficPercent()).isZero())
                .extracting(DeploymentCommand::getTarget).contains("ict-qm", "ict-fx").doesNotContain("other-svc");
        for (String target : List.of("ict-qm", "ict-fx")) {
            assertThat(state(target).killed()).as(target).isTrue();
            assertThat(state(target).killReason()).contains("ict-*", "erin", "market data feed corrupt");
            assertThat(state(target).rollouts()).filteredOn(r -> r.version().equals("2.1.0"))
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(RolloutStatus.KILLED));
            assertThat(liveTraffic(target)).isZero();
        }
        assertThat(state("other-svc").killed()).isFalse();

        int whileOn = commandLog.size();
        at25("ict-new");
        assertThat(state("ict-new").killed()).as("a rollout starting while the switch is on").isTrue();
        assertThat(liveTraffic("ict-new")).isZero();
        assertThat(commandLog.subList(whileOn, commandLog.size())).filteredOn(c -> c.getTrafficPercent() > 0)
                .isEmpty();

        send(Topics.KILL_SWITCH_PATTERNS, "ict-*", new KillSwitchDeactivated(RolloutEvents.meta(clock.instant()),
                "ict-*", "feed repaired", "dave", KillSwitchSource.MANUAL));
        advance(Duration.ofSeconds(1));

        for (String target : List.of("ict-qm", "ict-fx")) {
            assertThat(state(target).killed()).as(target).isFalse();
            assertThat(state(target).rollouts()).filteredOn(r -> r.version().equals("2.1.0"))
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(RolloutStatus.PAUSED));
        }
        assertThat(rolloutLog).filteredOn(RolloutPaused.class::isInstance).map(RolloutPaused.class::cast)
                .extracting(p -> p.getTarget() + ": " + p.getReason())
                .contains("ict-qm: kill switch: org-wide kill switch ict-* by erin: market data feed corrupt",
                        "ict-qm: kill switch deactivated (org-wide kill switch ict-* off by dave: feed repaired); "
                                + "paused until resumed",
                        "ict-fx: kill switch deactivated (org-wide kill switch ict-* off by dave: feed repaired); "
                                + "paused until resumed")
                .noneMatch(reason -> reason.startsWith("other-svc"));
    }

    @Test
    void switchingThePatternOffNeverLiftsATargetsOwnKillSwitch() {
        at25("ict-qm");
        send(Topics.KILL_SWITCH, "ict-qm", RolloutEvents.killed("ict-qm", clock.instant()));
        send(Topics.KILL_SWITCH_PATTERNS, "*", new KillSwitchActivated(RolloutEvents.meta(clock.instant()),
                "*", "stop everything", "erin", KillSwitchSource.MANUAL));
        advance(Duration.ofSeconds(1));
        send(Topics.KILL_SWITCH_PATTERNS, "*", new KillSwitchDeactivated(RolloutEvents.meta(clock.instant()),
                "*", "all clear", "dave", KillSwitchSource.MANUAL));
        advance(Duration.ofSeconds(1));

        assertThat(state("ict-qm").killed()).isTrue();
        assertThat(state("ict-qm").killReason()).doesNotContain("org-wide");
    }

    /** A stable 2.0.0 at 100 % and 2.1.0 ramping at 25 % after its paper soak. */
    private void at25(String target) {
        send(Topics.RELEASES, target, release("rel-" + target + "-2.0.0", target, "2.0.0", ReleaseType.BUGFIX,
                clock.instant()));
        send(Topics.DECISIONS, target, go(target, "2.0.0", "live-100", clock.instant()));
        ackCommands(target);
        send(Topics.RELEASES, target, release("rel-" + target, target, "2.1.0", ReleaseType.STRATEGY, clock.instant()));
        send(Topics.DECISIONS, target, go(target, "2.1.0", "paper", clock.instant()));
        send(Topics.DECISIONS, target, go(target, "2.1.0", "live-25", clock.instant()));
        ackCommands(target);
        advance(Duration.ofDays(4));
        ackCommands(target);
    }

    private int liveTraffic(String target) {
        return state(target).rollouts().stream().mapToInt(r -> r.traffic()).max().orElse(0);
    }
}
