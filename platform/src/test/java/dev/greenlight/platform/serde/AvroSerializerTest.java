package dev.greenlight.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {

    static final String TOPIC = "probe";
    static final EventMetadata METADATA = EventMetadata.newBuilder()
            .setEventId("e-1")
            .setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L))
            .setPrincipal("ci")
            .build();
    /** "e-1" as length 3 (zigzag 0x06) + UTF-8, 1700000000000 as zigzag varint, "ci" as length 2 + UTF-8. */
    static final String METADATA_AVRO = "06652d31" + "80a0abfef962" + "046369";
    /** A topic carrying two event types, EventMetadata being branch 1. */
    static final Schema UNION = Schema.createUnion(
            SchemaBuilder.record("Other").namespace("dev.greenlight.test").fields().requiredString("x").endRecord(),
            EventMetadata.getClassSchema());

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void writesMagicByteSchemaIdAndAvroBinaryByteForByte() {
        byte[] bytes = new AvroSerializer<EventMetadata>(registry).serialize(TOPIC, METADATA);

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00" + "00000001" + METADATA_AVRO);
        assertThat(registry.getId("probe-value", EventMetadata.getClassSchema())).hasValue(1);
    }

    @Test
    void goldenBytesReadBackIntoTheGeneratedClass() {
        registry.register("probe-value", EventMetadata.getClassSchema());
        byte[] golden = HexFormat.of().parseHex("00" + "00000001" + METADATA_AVRO);

        Object read = new AvroDeserializer<>(registry).deserialize(TOPIC, golden);

        assertThat(read).isInstanceOf(EventMetadata.class).isEqualTo(METADATA);
    }

    @Test
    void unionTopicRegistersTheUnionAndWritesTheBranchIndex() {
        byte[] bytes = new AvroSerializer<SpecificRecord>(registry, UNION).serialize(TOPIC, METADATA);

        // Branch 1 is zigzag varint 0x02, then the record exactly as on its own.
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00" + "00000001" + "02" + METADATA_AVRO);
        assertThat(registry.getLatest("probe-value")).hasValueSatisfying(v -> assertThat(v.schema()).isEqualTo(UNION));
        assertThat(new AvroDeserializer<SpecificRecord>(registry, UNION).deserialize(TOPIC, bytes))
                .isEqualTo(METADATA);
    }

    @Test
    void keysUseTheKeySubject() {
        AvroSerializer<EventMetadata> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), true);

        serializer.serialize(TOPIC, METADATA);

        assertThat(registry.subjects()).containsExactly("probe-key");
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaFailsClearly() {
        AvroSerializer<EventMetadata> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, METADATA))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject probe-value")
                .hasMessageContaining("auto.register.schemas=false");
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void withoutAutoRegistrationARegisteredSchemaIsLookedUp() {
        registry.register("unrelated-value", UNION);
        int id = registry.register("probe-value", EventMetadata.getClassSchema());
        AvroSerializer<EventMetadata> serializer = new AvroSerializer<>(registry, null, false);

        byte[] bytes = serializer.serialize(TOPIC, METADATA);

        assertThat(HexFormat.of().formatHex(bytes, 0, 5)).isEqualTo("00" + "00000002");
        assertThat(id).isEqualTo(2);
    }

    @Test
    void nullIsATombstone() {
        assertThat(new AvroSerializer<EventMetadata>(registry).serialize(TOPIC, null)).isNull();
    }

    @Test
    void withoutAClientTheRegistryUrlIsRequired() {
        AvroSerializer<EventMetadata> serializer = new AvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void aValueTheTopicSchemaCannotHoldIsASerializationError() {
        Schema onlyOther = UNION.getTypes().get(0);
        AvroSerializer<EventMetadata> serializer = new AvroSerializer<>(registry, Schema.createUnion(onlyOther));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, METADATA))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("schema id 1");
    }
}
