package dev.greenlight.console.board.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.console.ConsoleApplication;
import dev.greenlight.console.board.domain.BoardFilter;
import dev.greenlight.console.board.domain.BoardRow;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.PendingItem;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RolloutPaused;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The console's projection fed by the real topics (an in-process broker, the shared Avro serde):
 * a release registered, judged, ramped and killed shows on the board as the topics say, whatever
 * order the topics are read in.
 */
@SpringBootTest(properties = {
        "spring.config.name=" + ConsoleApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class ConsoleProjectionIT {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Autowired
    KafkaTemplate<String, Object> eventTemplate;
    @Autowired
    Projection projection;
    @Autowired
    ProjectionHealthIndicator projectionHealth;

    @Test
    void aReleaseRegisteredJudgedRampedAndKilledShowsOnTheBoardAsTheTopicsSay() throws Exception {
        send(Topics.RELEASES.name(), ReleaseRegistered.newBuilder().setMeta(meta("ci", T0)).setTarget("ict-qm")
                .setVersion("2.1.0").setReleaseType(ReleaseType.STRATEGY).setRevision("abc123").setAuthor("alice")
                .setPolicy("ict-release").setAuthorAliases(List.of()).build());
        send(Topics.DECISIONS.name(), GateDecided.newBuilder().setMeta(meta("gate-evaluator", T0.plusSeconds(5)))
                .setTarget("ict-qm").setDecisionId("d-1").setVersion("2.1.0").setStage("canary")
                .setOutcome(GateOutcome.HOLD)
                .setCriteria(List.of(CriterionResult.newBuilder().setName("auditor-approval").setKind("approval")
                        .setStatus(CriterionStatus.PENDING).setBlocking(true).setReason("missing approval: auditor")
                        .setEvidenceIds(List.of()).build()))
                .setMissing(List.of("auditor-approval"))
                .setPolicy(PolicyRef.newBuilder().setName("ict-release").setVersion("1").setContentHash("sha256:aa").build())
                .setEvaluatedAt(T0.plusSeconds(5)).setEvidenceIds(List.of())
                .setPendingOn(List.of(PendingItem.newBuilder().setCriterion("auditor-approval").setKind("approval")
                        .setWaitingFor("missing approval: auditor").setRoles(List.of("auditor")).build()))
                .build());
        send(Topics.ROLLOUTS.name(), RolloutStepStarted.newBuilder().setMeta(meta("rollout-controller", T0.plusSeconds(9)))
                .setTarget("ict-qm").setVersion("2.1.0").setStage("canary").setTrafficPercent(5).build());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<BoardRow> rows = projection.board(BoardFilter.NONE, T0.plusSeconds(60));
            assertThat(rows).extracting(BoardRow::id).containsExactly("ict-qm@2.1.0");
            assertThat(rows.get(0).outcome()).isEqualTo("HOLD");
            assertThat(rows.get(0).nextActor()).isEqualTo("auditor");
            assertThat(rows.get(0).trafficPercent()).isEqualTo(5);
            assertThat(rows.get(0).type()).isEqualTo("STRATEGY");
        });
        // Every topic read to its end offsets of start-up: ready, nothing left to read.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(projectionHealth.health().getStatus().getCode()).isEqualTo("UP");
            assertThat(projectionHealth.health().getDetails()).containsEntry("lag", 0L);
        });

        send(Topics.KILL_SWITCH.name(), KillSwitchActivated.newBuilder().setMeta(meta("erin", T0.plusSeconds(20)))
                .setTarget("ict-qm").setReason("page alert").setActivatedBy("erin").setSource(KillSwitchSource.MANUAL)
                .build());
        send(Topics.ROLLOUTS.name(), RolloutPaused.newBuilder().setMeta(meta("rollout-controller", T0.plusSeconds(21)))
                .setTarget("ict-qm").setVersion("2.1.0").setStage("canary").setTrafficPercent(0)
                .setPausedBy("kill-switch").setReason("kill switch on").build());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            BoardRow row = projection.row("ict-qm@2.1.0", T0.plusSeconds(60)).orElseThrow();
            assertThat(row.killSwitch()).isTrue();
            assertThat(row.trafficPercent()).isZero();
            assertThat(row.rolloutState()).isEqualTo("killed");
        });
    }

    private void send(String topic, org.apache.avro.specific.SpecificRecord event) throws Exception {
        String key = (String) event.get(event.getSchema().getField("target").pos());
        eventTemplate.send(topic, key, event).get();
    }

    private static EventMetadata meta(String principal, Instant at) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setPrincipal(principal).build();
    }
}
