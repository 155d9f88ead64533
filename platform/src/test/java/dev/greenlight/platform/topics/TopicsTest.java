package dev.greenlight.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.EventMetadata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is what producers, consumers, the launcher and the ledger agree on; these tests
 * keep it consistent with the generated event classes.
 */
class TopicsTest {

    @Test
    void allListsEveryTopicConstantOnce() throws IllegalAccessException {
        List<Topic<?>> constants = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == Topic.class) {
                constants.add((Topic<?>) field.get(null));
            }
        }

        assertThat(constants).isNotEmpty();
        assertThat(Topics.all()).containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void topicNamesAreUnique() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void everyEventTopicCarriesRecordsWithMetadataAndTarget() {
        List<Topic<?>> avroTopics = Topics.all().stream().filter(topic -> topic.valueSchema() != null).toList();

        assertThat(avroTopics).isNotEmpty().allSatisfy(topic -> {
            Schema schema = topic.valueSchema();
            assertThat(schema.getType()).as(topic.name()).isIn(Schema.Type.RECORD, Schema.Type.UNION);
            assertThat(topic.recordSchemas()).as(topic.name()).isNotEmpty().allSatisfy(record -> {
                assertThat(record.getType()).as(record.getFullName()).isEqualTo(Schema.Type.RECORD);
                assertThat(record.getField("meta").schema().getFullName()).as(record.getFullName() + ".meta")
                        .isEqualTo(EventMetadata.getClassSchema().getFullName());
                assertThat(record.getField("target").schema().getType()).as(record.getFullName() + ".target")
                        .isEqualTo(Schema.Type.STRING);
            });
        });
    }

    @Test
    void valueTypesMatchTheSchemas() {
        assertThat(Topics.all()).allSatisfy(topic -> {
            if (topic.valueSchema() == null) {
                assertThat(topic.valueType()).as(topic.name()).isEqualTo(byte[].class);
            } else if (topic.valueSchema().isUnion()) {
                assertThat(topic.valueType()).as(topic.name()).isEqualTo(SpecificRecord.class);
            } else {
                assertThat(topic.valueType()).as(topic.name())
                        .isEqualTo(SpecificData.get().getClass(topic.valueSchema()));
            }
        });
    }

    /**
     * Every event type is on exactly one topic, with one deliberate exception: {@code ActionRefused}
     * is recorded by each service that refuses people's actions on the topic that service owns
     * (approvals; rollouts for manual rollout commands), so every topic keeps a single writer.
     * And the kill switch's two events are the same fact for one target ({@code kill-switch},
     * partitioned by target) or for a pattern of targets ({@code kill-switch-patterns}, read whole
     * by every rollout-controller instance: the org-wide kill switch).
     */
    @Test
    void everyEventTypeIsOnExactlyOneTopic() {
        Map<String, Long> topicsPerEvent = Topics.all().stream()
                .flatMap(topic -> topic.recordSchemas().stream())
                .collect(Collectors.groupingBy(Schema::getFullName, Collectors.counting()));

        assertThat(topicsPerEvent.keySet()).containsExactlyInAnyOrderElementsOf(EventClasses.eventNames());
        String refusals = ActionRefused.getClassSchema().getFullName();
        java.util.Set<String> twice = java.util.Set.of(refusals,
                dev.greenlight.events.KillSwitchActivated.getClassSchema().getFullName(),
                dev.greenlight.events.KillSwitchDeactivated.getClassSchema().getFullName());
        assertThat(topicsPerEvent).allSatisfy((event, count) -> assertThat(count).as(event)
                .isEqualTo(twice.contains(event) ? 2L : 1L));
        assertThat(Topics.KILL_SWITCH_PATTERNS.recordSchemas()).isEqualTo(Topics.KILL_SWITCH.recordSchemas());
        assertThat(Topics.APPROVALS.recordSchemas()).contains(ActionRefused.getClassSchema());
        assertThat(Topics.ROLLOUTS.recordSchemas()).contains(ActionRefused.getClassSchema());
    }

    @Test
    void eventTopicsKeepDataForever() {
        assertThat(Topics.all()).allSatisfy(topic ->
                assertThat(topic.configs()).as(topic.name()).containsEntry("retention.ms", "-1"));
    }

    @Test
    void ledgerIsNeverDeletedAndStampedByTheBroker() {
        assertThat(Topics.LEDGER.configs()).containsAllEntriesOf(Map.of(
                "cleanup.policy", "delete",
                "retention.ms", "-1",
                "retention.bytes", "-1",
                "message.timestamp.type", "LogAppendTime"));
    }

    @Test
    void theConsolesReadModelIsCompactedWhileItIsWritten() {
        // Kafka compacts closed segments only: with its defaults (1 GB, 7 days) the read model kept every
        // view ever written and a console start read all of it (docs/performance.md, "Restart: the
        // console's read model and the ledger's rebuild").
        assertThat(Topics.CONSOLE_BOARD.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Long.parseLong(Topics.CONSOLE_BOARD.configs().get("segment.bytes"))).isLessThanOrEqualTo(64L << 20);
        assertThat(java.time.Duration.ofMillis(Long.parseLong(Topics.CONSOLE_BOARD.configs().get("segment.ms"))))
                .isLessThanOrEqualTo(java.time.Duration.ofHours(1));
    }

    @Test
    void subjectsFollowTopicNameStrategy() {
        assertThat(Topics.ALERTS.valueSubject()).isEqualTo("greenlight.alerts-value");
        assertThat(Topics.ALERTS.keySubject()).isEqualTo("greenlight.alerts-key");
    }

    @Test
    void topicsAreFoundByName() {
        Map<String, Topic<?>> byName = Topics.all().stream()
                .collect(Collectors.toMap(Topic::name, Function.identity()));

        assertThat(byName).allSatisfy((name, topic) -> assertThat(Topics.byName(name)).containsSame(topic));
        assertThat(Topics.byName("greenlight.unknown")).isEmpty();
    }

    @Test
    void recordSchemasAreTheUnionMembersInDeclarationOrder() {
        assertThat(Topics.ALERTS.recordSchemas()).extracting(Schema::getFullName)
                .containsExactly("dev.greenlight.events.AlertFired", "dev.greenlight.events.AlertResolved");
        assertThat(Topics.CHECKS.recordSchemas()).extracting(Schema::getFullName)
                .containsExactly("dev.greenlight.events.CheckReported");
        assertThat(Topics.DEAD_LETTER.recordSchemas()).isEmpty();
    }
}
