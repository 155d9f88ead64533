package dev.greenlight.console.board.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.console.ConsoleApplication;
import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.console.board.domain.BoardFilter;
import dev.greenlight.console.board.domain.BoardRow;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Two console instances share the projection (one consumer group over the release-keyed topics,
 * each instance folding the partitions it owns) and each serves every release on its board from the
 * read model. An instance started later reads the read model, not the history: it starts the
 * group's partitions at their committed offsets and folds nothing until a new fact arrives.
 */
@SpringBootTest(properties = {
        "spring.config.name=" + ConsoleApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        // a context (and broker) of its own: the releases and group offsets of this test are not ConsoleProjectionIT's
        "greenlight.console.projection.finished-kept=P7D"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class SharedProjectionIT {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(120);

    @Autowired
    KafkaTemplate<String, Object> eventTemplate;
    @Autowired
    TopicProjection first;
    @Autowired
    Projection firstBoard;
    @Autowired
    KafkaProperties kafka;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void twoInstancesShareTheFoldAndBothShowEveryRelease_aLaterInstanceStartsFromTheReadModel() throws Exception {
        Projection secondBoard = new Projection();
        TopicProjection second = instance(secondBoard);
        second.start();
        try {
            // The group splits the three partitions of the release-keyed topics between the two.
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(first.projector().owned()).isNotEmpty();
                assertThat(second.projector().owned()).isNotEmpty().doesNotContainAnyElementsOf(
                        first.projector().owned());
                Set<Integer> all = new HashSet<>(first.projector().owned());
                all.addAll(second.projector().owned());
                assertThat(all).containsExactlyInAnyOrder(0, 1, 2);
            });
            List<String> targets = onePerPartition();
            for (String target : targets) {
                releaseJudgedAndRamped(target);
            }

            await().atMost(WAIT).untilAsserted(() -> {
                for (Projection board : List.of(firstBoard, secondBoard)) {
                    List<BoardRow> rows = board.board(BoardFilter.NONE, T0.plusSeconds(60));
                    assertThat(rows).extracting(BoardRow::id)
                            .containsExactlyInAnyOrderElementsOf(targets.stream().map(t -> t + "@1.0.0").toList());
                    assertThat(rows).allSatisfy(row -> {
                        assertThat(row.outcome()).isEqualTo("HOLD");
                        assertThat(row.trafficPercent()).isEqualTo(5);
                    });
                }
            });
            // Both did part of the work: each folded the facts of its own partitions.
            assertThat(first.projector().folded()).isPositive();
            assertThat(second.projector().folded()).isPositive();
        } finally {
            second.stop();
        }

        // A third instance: its board comes from the read model, its partitions start where the group
        // committed (the end of the facts), and it folds nothing of the history.
        Projection thirdBoard = new Projection();
        TopicProjection third = instance(thirdBoard);
        third.start();
        try {
            assertThat(third.awaitCaughtUp(WAIT)).isTrue();
            assertThat(thirdBoard.board(BoardFilter.NONE, T0.plusSeconds(60))).hasSize(3);
            await().atMost(WAIT).untilAsserted(() -> assertThat(third.projector().owned()).isNotEmpty());
            assertThat(third.projector().startedAt()).isNotEmpty();
            Map<TopicPartition, Long> ends = endOffsets(third.projector().startedAt().keySet());
            assertThat(third.projector().startedAt()).as("started at the committed offsets, not at 0")
                    .isEqualTo(ends);
            assertThat(ends).as("partitions with history").anySatisfy((partition, end) -> assertThat(end).isPositive());
            assertThat(third.projector().folded()).isZero();
        } finally {
            third.stop();
        }
    }

    private TopicProjection instance(Projection board) {
        return new TopicProjection(kafka, registry, new ConsoleFeed(board), board, Clock.systemUTC(),
                Duration.ofDays(7), Duration.ofMinutes(1));
    }

    /** One target on each partition of the release-keyed topics. */
    private static List<String> onePerPartition() {
        List<String> targets = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < Topics.RELEASES.partitions(); i++) {
            String target = "svc-" + i;
            int partition = Utils.toPositive(Utils.murmur2(target.getBytes(StandardCharsets.UTF_8)))
                    % Topics.RELEASES.partitions();
            if (covered.add(partition)) {
                targets.add(target);
            }
        }
        return targets;
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
            return ends;
        }
    }

    private void releaseJudgedAndRamped(String target) throws Exception {
        send(Topics.RELEASES.name(), ReleaseRegistered.newBuilder().setMeta(meta("ci", T0)).setTarget(target)
                .setVersion("1.0.0").setReleaseType(ReleaseType.STRATEGY).setRevision("abc123").setAuthor("alice")
                .setPolicy("ict-release").setAuthorAliases(List.of()).build());
        send(Topics.DECISIONS.name(), GateDecided.newBuilder().setMeta(meta("gate-evaluator", T0.plusSeconds(5)))
                .setTarget(target).setDecisionId("d-" + target).setVersion("1.0.0").setStage("canary")
                .setOutcome(GateOutcome.HOLD)
                .setCriteria(List.of(CriterionResult.newBuilder().setName("auditor-approval").setKind("approval")
                        .setStatus(CriterionStatus.PENDING).setBlocking(true).setReason("missing approval: auditor")
                        .setEvidenceIds(List.of()).build()))
                .setMissing(List.of("auditor-approval"))
                .setPolicy(PolicyRef.newBuilder().setName("ict-release").setVersion("1").setContentHash("sha256:aa").build())
                .setEvaluatedAt(T0.plusSeconds(5)).setEvidenceIds(List.of()).setPendingOn(List.of())
                .build());
        send(Topics.ROLLOUTS.name(), RolloutStepStarted.newBuilder().setMeta(meta("rollout-controller", T0.plusSeconds(9)))
                .setTarget(target).setVersion("1.0.0").setStage("canary").setTrafficPercent(5).build());
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
