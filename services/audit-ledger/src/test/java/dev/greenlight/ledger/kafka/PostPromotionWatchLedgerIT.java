package dev.greenlight.ledger.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.ArmedGuard;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.PostPromotionWatchEnded;
import dev.greenlight.events.PostPromotionWatchStarted;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The post-promotion watch is on the record: its start, the action taken in it and its end, as the
 * rollout controller writes them to {@code greenlight.rollouts}, are ledger entries that decode to
 * the very events.
 */
@SpringBootTest(properties = {
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.poll-timeout=200ms"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class PostPromotionWatchLedgerIT extends LedgerServiceTestBase {

    private static final Instant LIVE = Instant.parse("2026-11-02T08:00:00Z");
    private static final Instant UNTIL = LIVE.plus(Duration.ofDays(7));

    @Autowired
    LedgerTopicReader reader;
    @Autowired
    SchemaRegistryClient registry;

    @Test
    void theWatchItsActionAndItsEndAreLedgerEntries() {
        String target = "ict-qm";
        String started = UUID.randomUUID().toString();
        String acted = UUID.randomUUID().toString();
        String ended = UUID.randomUUID().toString();
        publisher.publish(Topics.ROLLOUTS, target, PostPromotionWatchStarted.newBuilder()
                .setMeta(new EventMetadata(started, LIVE, "rollout-controller")).setTarget(target)
                .setVersion("2.1.0").setStage("live-100").setTrafficPercent(100).setWatchUntil(UNTIL)
                .setArmedGuards(List.of(new ArmedGuard("live-errors", GuardAction.ROLLBACK))).build());
        publisher.publish(Topics.ROLLOUTS, target, RollbackTriggered.newBuilder()
                .setMeta(new EventMetadata(acted, LIVE.plus(Duration.ofHours(6)), "rollout-controller"))
                .setTarget(target).setVersion("2.1.0").setStage("live-100").setAction(GuardAction.ROLLBACK)
                .setGuard("live-errors").setObserved("live_errors_total = 4").setThreshold("live_errors_total > 3")
                .setReason("guard live-errors tripped during the post-promotion watch").setEvidenceIds(List.of("m-err"))
                .setRestoredVersion("2.0.0").setWatchUntil(UNTIL).build());
        publisher.publish(Topics.ROLLOUTS, target, PostPromotionWatchEnded.newBuilder()
                .setMeta(new EventMetadata(ended, LIVE.plus(Duration.ofHours(6)), "rollout-controller"))
                .setTarget(target).setVersion("2.1.0").setStage("live-100").setTrafficPercent(100)
                .setOutcome("ROLLED_BACK").setReason("guard live-errors tripped: rolled back").build());

        await().atMost(Duration.ofSeconds(90)).until(() -> entries(List.of(started, acted, ended)).size() == 3);

        Map<String, Entry> byId = entries(List.of(started, acted, ended));
        assertThat(byId.get(started).eventType()).isEqualTo(PostPromotionWatchStarted.getClassSchema().getFullName());
        assertThat(byId.get(acted).eventType()).isEqualTo(RollbackTriggered.getClassSchema().getFullName());
        assertThat(byId.get(ended).eventType()).isEqualTo(PostPromotionWatchEnded.getClassSchema().getFullName());
        AvroDeserializer<Object> decoder = new AvroDeserializer<>(registry, Topics.ROLLOUTS.valueSchema());
        assertThat(((PostPromotionWatchStarted) decode(decoder, byId.get(started))).getWatchUntil()).isEqualTo(UNTIL);
        assertThat(((RollbackTriggered) decode(decoder, byId.get(acted))).getWatchUntil()).isEqualTo(UNTIL);
        assertThat(((PostPromotionWatchEnded) decode(decoder, byId.get(ended))).getOutcome()).isEqualTo("ROLLED_BACK");
    }

    private Map<String, Entry> entries(List<String> ids) {
        return reader.get().allEntries().stream().filter(e -> ids.contains(e.sourceEventId()))
                .collect(Collectors.toMap(Entry::sourceEventId, Function.identity(), (a, b) -> a));
    }

    private static Object decode(AvroDeserializer<Object> decoder, Entry entry) {
        return decoder.deserialize(Topics.ROLLOUTS.name(), entry.payload());
    }
}
