package dev.greenlight.rollout.kafka;

import static dev.greenlight.evidence.EvidenceEvents.fired;
import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.resolved;
import static dev.greenlight.evidence.EvidenceEvents.pass;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.rollout.kafka.RolloutEvents.go;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.DeploymentCommandUnacknowledged;
import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.MonitorCheckpointReached;
import dev.greenlight.events.ObligationOverdue;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutCommandRefused;
import dev.greenlight.events.RolloutCommandRequested;
import dev.greenlight.events.RolloutCommandType;
import dev.greenlight.events.RolloutCompleted;
import dev.greenlight.events.RolloutPaused;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.rollout.domain.Policies;
import dev.greenlight.rollout.domain.RolloutMachine;
import dev.greenlight.rollout.domain.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology over simulated time: whole ramps, each guard action, and the kill switch. */
class RolloutTopologyTest extends RolloutTopologyHarness {

    private TestOutputTopic<String, SpecificRecord> killSwitchOut;

    @BeforeEach
    void watchKillSwitches() {
        killSwitchOut = output(Topics.KILL_SWITCH);
    }

    private <T> List<T> rolloutEvents(Class<T> type) {
        return rolloutLog.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void register(String target, String version, ReleaseType type) {
        send(Topics.RELEASES, target, release("rel-" + target + version, target, version, type, clock.instant()));
    }

    private void strategyAt25(String version) {
        register("ict-qm", "2.0.0", ReleaseType.BUGFIX);
        send(Topics.DECISIONS, "ict-qm", go("ict-qm", "2.0.0", "live-100", clock.instant()));
        ackCommands("ict-qm");
        register("ict-qm", version, ReleaseType.STRATEGY);
        send(Topics.DECISIONS, "ict-qm", go("ict-qm", version, "paper", clock.instant()));
        send(Topics.DECISIONS, "ict-qm", go("ict-qm", version, "live-25", clock.instant()));
        ackCommands("ict-qm");
        advance(Duration.ofDays(4));
        ackCommands("ict-qm");
    }

    @Test
    void aPublishedPostMortemCheckKeepsTheHotfixsPostMortemFromGoingOverdue() {
        register("ict-qm", "2.1.1-hotfix.1", ReleaseType.HOTFIX);
        send(Topics.DECISIONS, "ict-qm", go("ict-qm", "2.1.1-hotfix.1", "live-100", clock.instant()));
        ackCommands("ict-qm");
        advance(Duration.ofHours(6));

        send(Topics.CHECKS, "ict-qm", pass("pm-1", "ict-qm", "2.1.1-hotfix.1", RolloutMachine.POST_MORTEM_CHECK,
                clock.instant(), Duration.ofMinutes(1)));
        advance(Duration.ofHours(20));

        assertThat(rolloutEvents(ObligationOverdue.class)).isEmpty();
        assertThat(state("ict-qm").obligations()).filteredOn(o -> o.fulfilled())
                .extracting(o -> o.kind().name()).containsExactly("POST_MORTEM");
    }

    @Test
    void fullFourteenDayStrategyRamp() {
        register("ict-qm", "2.1.0", ReleaseType.STRATEGY);
        send(Topics.DECISIONS, "ict-qm", go("ict-qm", "2.1.0", "paper", clock.instant()));
        ackCommands("ict-qm");
        send(Topics.DECISIONS, "ict-qm", go("ict-qm", "2.1.0", "live-25", clock.instant()));
        for (int day = 1; day <= 14; day++) {
            advance(Duration.ofDays(1));
            ackCommands("ict-qm");
            if (day == 7) {
                send(Topics.DECISIONS, "ict-qm", go("ict-qm", "2.1.0", "live-50", clock.instant()));
                ackCommands("ict-qm");
            }
            if (day == 14) {
                send(Topics.DECISIONS, "ict-qm", go("ict-qm", "2.1.0", "live-100", clock.instant()));
                ackCommands("ict-qm");
            }
        }

        assertThat(rolloutEvents(RolloutCompleted.class)).as("watched after promotion").isEmpty();
        advance(Policies.STRATEGY_WATCH);

        assertThat(commandLog).extracting(DeploymentCommand::getTrafficPercent).containsExactly(0, 25, 50, 100);
        assertThat(commandLog).extracting(DeploymentCommand::getSequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rolloutEvents(RolloutCompleted.class)).extracting(RolloutCompleted::getStage)
                .containsExactly("live-100");
        assertThat(state("ict-qm").stableVersion()).isEqualTo("2.1.0");
    }

    @Test
    void twoHourRlRampWithMonitorCheckpoints() {
        register("rl-policy", "3.0.0", ReleaseType.MODEL);
        send(Topics.DECISIONS, "rl-policy", go("rl-policy", "3.0.0", "shadow", clock.instant()));
        ackCommands("rl-policy");
        Instant live10 = clock.instant();
        send(Topics.DECISIONS, "rl-policy", go("rl-policy", "3.0.0", "live-10", live10));
        ackCommands("rl-policy");

        for (int i = 0; i < 12; i++) {
            advance(Duration.ofMinutes(10));
            if (i == 2 || i == 5) { // T+30, T+60: the gate's checkpoint decisions
                send(Topics.DECISIONS, "rl-policy", RolloutEvents.checkpoint("rl-policy", "3.0.0", "live-10",
                        i == 2 ? "t+30" : "t+60", GateOutcome.GO, live10, clock.instant()));
            }
        }

        assertThat(commandLog).extracting(DeploymentCommand::getTrafficPercent).containsExactly(0, 10);
        assertThat(rolloutEvents(MonitorCheckpointReached.class)).extracting(MonitorCheckpointReached::getCheckpoint)
                .containsExactly("T+30m", "T+60m", "T+120m");
        assertThat(rolloutEvents(RolloutCompleted.class)).as("soaked, but T+120 not decided yet").isEmpty();

        send(Topics.DECISIONS, "rl-policy", RolloutEvents.checkpoint("rl-policy", "3.0.0", "live-10", "t+120",
                GateOutcome.GO, live10, clock.instant()));
        assertThat(rolloutEvents(RolloutCompleted.class)).extracting(RolloutCompleted::getStage)
                .containsExactly("live-10");
    }

    @Test
    void aFailedCheckpointActivatesTheKillSwitchWhenItIsDecided() {
        register("rl-policy", "3.0.0", ReleaseType.MODEL);
        send(Topics.DECISIONS, "rl-policy", go("rl-policy", "3.0.0", "shadow", clock.instant()));
        ackCommands("rl-policy");
        Instant live10 = clock.instant();
        send(Topics.DECISIONS, "rl-policy", go("rl-policy", "3.0.0", "live-10", live10));
        ackCommands("rl-policy");
        advance(Duration.ofMinutes(5));

        send(Topics.DECISIONS, "rl-policy", RolloutEvents.checkpoint("rl-policy", "3.0.0", "live-10", "t+30",
                GateOutcome.NO_GO, live10, clock.instant()));

        assertThat(commandLog).extracting(DeploymentCommand::getTrafficPercent).containsExactly(0, 10, 0);
        assertThat(rolloutEvents(RollbackTriggered.class)).extracting(RollbackTriggered::getGuard)
                .containsExactly("checkpoint t+30");
        assertThat(state("rl-policy").killed()).isTrue();
    }

    @Test
    void pauseGuardHoldsTrafficAndReportsTheEvidence() {
        strategyAt25("2.1.0");
        int before = commandLog.size();

        send(Topics.METRICS, "ict-qm", metric("m-loss", "ict-qm", "2.1.0", "unexpected_loss_events_total", 1,
                clock.instant()));

        RollbackTriggered trip = rolloutEvents(RollbackTriggered.class).get(0);
        assertThat(trip.getAction()).isEqualTo(GuardAction.PAUSE);
        assertThat(trip.getGuard()).isEqualTo("unexpected-losses");
        assertThat(trip.getEvidenceIds()).containsExactly("m-loss");
        assertThat(commandLog).hasSize(before);
        assertThat(state("ict-qm").rollout("2.1.0").orElseThrow().status()).isEqualTo(RolloutStatus.PAUSED);
    }

    @Test
    void guardEvidenceIsBoundedByTheGatesRetentionRule_latestSamplePerSeriesAndEveryFiringAlert() {
        strategyAt25("2.1.0");
        Instant now = clock.instant();
        SpecificRecord page = fired("a-page", "ict-qm", "fp-page", AlertSeverity.PAGE, now.minus(Duration.ofDays(3)));
        send(Topics.ALERTS, "ict-qm", page);
        TestInputTopic<String, SpecificRecord> alerts = driver.createInputTopic(Topics.ALERTS.name(),
                new StringSerializer(), serdes.forTopic(Topics.ALERTS).serializer());
        TestInputTopic<String, dev.greenlight.events.MetricObserved> metrics = driver.createInputTopic(
                Topics.METRICS.name(), new StringSerializer(), serdes.forTopic(Topics.METRICS).serializer());
        for (int i = 0; i < 60; i++) {
            Instant at = now.minus(Duration.ofHours(2)).plusSeconds(i);
            alerts.pipeInput("ict-qm", fired("f" + i, "ict-qm", "fp" + i, AlertSeverity.WARNING, at));
            alerts.pipeInput("ict-qm", resolved("r" + i, "ict-qm", "fp" + i, AlertSeverity.WARNING, at,
                    at.plusSeconds(30)));
            metrics.pipeInput("ict-qm", metric("m" + i, "ict-qm", null, "live_errors_total", 0, at.plusSeconds(1)));
        }
        send(Topics.ALERTS, "ict-qm", fired("a-late", "ict-qm", "fp-late", AlertSeverity.WARNING, now));

        KeyValueStore<String, List<SpecificRecord>> store = driver.getKeyValueStore(RolloutTopology.EVIDENCE_STORE);
        assertThat(store.get("ict-qm")).extracting(dev.greenlight.evidence.EvidenceFold::eventId)
                .as("only the latest sample, the three-day-old page that still fires and the new alert")
                .containsExactlyInAnyOrder("a-page", "m59", "a-late");
    }

    @Test
    void rollbackGuardRestoresTheStableVersion() {
        strategyAt25("2.1.0");

        send(Topics.METRICS, "ict-qm", metric("m-err", "ict-qm", null, "live_errors_total", 4, clock.instant()));

        assertThat(rolloutEvents(RollbackTriggered.class)).extracting(RollbackTriggered::getAction,
                RollbackTriggered::getRestoredVersion).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(GuardAction.ROLLBACK, "2.0.0"));
        DeploymentCommand last = commandLog.get(commandLog.size() - 1);
        assertThat(last.getVersion()).isEqualTo("2.1.0");
        assertThat(last.getTrafficPercent()).isZero();
        assertThat(last.getPreviousVersion()).isEqualTo("2.0.0");
    }

    @Test
    void killGuardZeroesTrafficAndRecordsTheKillSwitch() {
        register("rl-policy", "3.0.0", ReleaseType.MODEL);
        send(Topics.DECISIONS, "rl-policy", go("rl-policy", "3.0.0", "shadow", clock.instant()));
        ackCommands("rl-policy");
        send(Topics.DECISIONS, "rl-policy", go("rl-policy", "3.0.0", "live-10", clock.instant()));
        ackCommands("rl-policy");

        send(Topics.METRICS, "rl-policy", metric("m-ent", "rl-policy", "3.0.0", "policy_entropy", 0.74,
                clock.instant()));

        assertThat(rolloutEvents(RollbackTriggered.class)).extracting(RollbackTriggered::getAction)
                .containsExactly(GuardAction.KILL);
        assertThat(commandLog.get(commandLog.size() - 1).getTrafficPercent()).isZero();
        List<SpecificRecord> switches = killSwitchOut.readValuesToList();
        assertThat(switches).singleElement().isInstanceOfSatisfying(KillSwitchActivated.class,
                activated -> assertThat(activated.getSource()).isEqualTo(KillSwitchSource.GUARD));
        assertThat(state("rl-policy").killed()).isTrue();
    }

    @Test
    void killSwitchFreezesEveryRolloutOfTheTargetAtZero() {
        strategyAt25("2.1.0");
        register("ict-qm", "2.2.0", ReleaseType.STRATEGY);
        send(Topics.DECISIONS, "ict-qm", go("ict-qm", "2.2.0", "paper", clock.instant()));
        int before = commandLog.size();

        send(Topics.KILL_SWITCH, "ict-qm", RolloutEvents.killed("ict-qm", clock.instant()));

        assertThat(commandLog.subList(before, commandLog.size())).allSatisfy(c -> assertThat(c.getTrafficPercent())
                .isZero()).extracting(DeploymentCommand::getVersion).containsExactlyInAnyOrder("2.0.0", "2.1.0", "2.2.0");
        assertThat(state("ict-qm").rollouts()).filteredOn(r -> !r.version().equals("2.0.0"))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(RolloutStatus.KILLED));

        send(Topics.DECISIONS, "ict-qm", go("ict-qm", "2.1.0", "live-50", clock.instant()));
        advance(Duration.ofDays(10));
        assertThat(commandLog.stream().skip(before + 3)).isEmpty();
    }

    @Test
    void manualCommandsAreAppliedOrRefusedWithAReason() {
        strategyAt25("2.1.0");

        send(Topics.ROLLOUT_COMMANDS, "ict-qm", RolloutEvents.command("ict-qm", "2.1.0", RolloutCommandType.PROMOTE,
                "alice", List.of("release-captain"), "impatient", clock.instant()));
        send(Topics.ROLLOUT_COMMANDS, "ict-qm", RolloutEvents.command("ict-qm", "2.1.0", RolloutCommandType.PAUSE,
                "alice", List.of("on-call"), "waiting for risk desk", clock.instant()));

        assertThat(rolloutEvents(RolloutCommandRefused.class)).extracting(RolloutCommandRefused::getRefusal)
                .containsExactly("NOT_APPROVED");
        assertThat(rolloutEvents(RolloutPaused.class)).extracting(RolloutPaused::getPausedBy).containsExactly("alice");
    }

    @Test
    void aCommandWrittenStraightOntoTheTopicIsCheckedAgain_aPublisherMayNotSteerARollout() {
        strategyAt25("2.1.0");
        int commandsBefore = commandLog.size();

        for (RolloutCommandType type : RolloutCommandType.values()) {
            send(Topics.ROLLOUT_COMMANDS, "ict-qm", RolloutEvents.command("ict-qm", "2.1.0", type, "ci",
                    List.of("publisher"), "forged", clock.instant()));
        }

        assertThat(rolloutEvents(RolloutCommandRefused.class)).hasSize(4)
                .extracting(RolloutCommandRefused::getRefusal).containsOnly("NOT_PERMITTED");
        assertThat(rolloutEvents(RolloutPaused.class)).isEmpty();
        assertThat(commandLog).hasSize(commandsBefore);
    }

    @Test
    void aRetriedCommandWithTheSameIdIsAppliedOnce() {
        strategyAt25("2.1.0");
        RolloutCommandRequested pause = RolloutEvents.command("ict-qm", "2.1.0", RolloutCommandType.PAUSE, "erin",
                List.of("on-call"), "holding", clock.instant());

        send(Topics.ROLLOUT_COMMANDS, "ict-qm", pause);
        send(Topics.ROLLOUT_COMMANDS, "ict-qm", pause);

        assertThat(rolloutEvents(RolloutPaused.class)).hasSize(1);
        // Without the id check the repeat would be refused as ILLEGAL_STATE, or for promote applied twice.
        assertThat(rolloutEvents(RolloutCommandRefused.class)).isEmpty();
    }

    @Test
    void anUnacknowledgedCommandRaisesAnAlertEvent() {
        register("ict-qm", "2.1.0", ReleaseType.STRATEGY);
        send(Topics.DECISIONS, "ict-qm", go("ict-qm", "2.1.0", "paper", clock.instant()));

        advance(Duration.ofMinutes(6));

        assertThat(rolloutEvents(DeploymentCommandUnacknowledged.class))
                .extracting(DeploymentCommandUnacknowledged::getSequence).containsExactly(1L);
    }
}
