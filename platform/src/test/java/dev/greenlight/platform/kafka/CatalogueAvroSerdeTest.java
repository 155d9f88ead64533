package dev.greenlight.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.serde.AvroSerde;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class CatalogueAvroSerdeTest {

    private static final Schema UNION = Schema.createUnion(
            SchemaBuilder.record("Other").namespace("dev.greenlight.test").fields().requiredString("x").endRecord(),
            EventMetadata.getClassSchema());
    /** A catalogue entry shaped like the union topics (alerts, approvals, ...), independent of which exist. */
    private static final Topic<SpecificRecord> UNION_TOPIC =
            new Topic<>("catalogue-test.union", UNION, SpecificRecord.class, 3, Map.of());
    private static final EventMetadata METADATA = EventMetadata.newBuilder()
            .setEventId("e-1").setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L)).setPrincipal("ci").build();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void catalogueTopicsAreWrittenWithTheirCatalogueSchema() {
        CatalogueAvroSerializer serializer = new CatalogueAvroSerializer(registry, List.of(UNION_TOPIC));

        byte[] bytes = serializer.serialize(UNION_TOPIC.name(), METADATA);

        assertThat(HexFormat.of().formatHex(bytes, 0, 6)).isEqualTo("00" + "00000001" + "02");
        assertThat(registry.getLatest(UNION_TOPIC.name() + "-value"))
                .hasValueSatisfying(v -> assertThat(v.schema()).isEqualTo(UNION));
        assertThat(new CatalogueAvroDeserializer(registry, List.of(UNION_TOPIC)).deserialize(UNION_TOPIC.name(), bytes))
                .isEqualTo(METADATA);
    }

    @Test
    void topicsOutsideTheCatalogueUseTheRecordsOwnSchema() {
        CatalogueAvroSerializer serializer = new CatalogueAvroSerializer(registry, List.of(UNION_TOPIC));

        byte[] bytes = serializer.serialize("elsewhere", METADATA);

        assertThat(registry.getLatest("elsewhere-value"))
                .hasValueSatisfying(v -> assertThat(v.schema()).isEqualTo(EventMetadata.getClassSchema()));
        assertThat(new CatalogueAvroDeserializer(registry, List.of(UNION_TOPIC)).deserialize("elsewhere", bytes))
                .isEqualTo(METADATA);
    }

    @Test
    void streamsSerdeForATopicRoundTripsThroughItsSchema() {
        AvroSerde<SpecificRecord> serde = AvroSerdes.forTopic(UNION_TOPIC, registry, true);

        byte[] bytes = serde.serializer().serialize(UNION_TOPIC.name(), METADATA);

        assertThat(serde.deserializer().deserialize(UNION_TOPIC.name(), bytes)).isEqualTo(METADATA);
    }

    @Test
    void theDeadLetterTopicHasNoAvroSerde() {
        assertThatThrownBy(() -> AvroSerdes.forTopic(Topics.DEAD_LETTER, registry, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Topics.DEAD_LETTER.name());
    }
}
