package dev.greenlight.platform.serde;

import static dev.greenlight.platform.serde.AvroSerializerTest.METADATA;
import static dev.greenlight.platform.serde.AvroSerializerTest.METADATA_AVRO;
import static dev.greenlight.platform.serde.AvroSerializerTest.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroDeserializerTest {

    /** A record's first schema, and the next one with a defaulted field added. */
    private static final Schema V1 = SchemaBuilder.record("Probe").namespace("dev.greenlight.test").fields()
            .requiredString("id")
            .endRecord();
    private static final Schema V2 = SchemaBuilder.record("Probe").namespace("dev.greenlight.test").fields()
            .requiredString("id")
            .name("note").type().stringType().stringDefault("none")
            .endRecord();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroDeserializer<Object> deserializer = new AvroDeserializer<>(registry);

    @Test
    void nullIsATombstone() {
        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
    }

    @Test
    void oldWriterResolvesIntoNewReaderWithTheNewFieldDefaulted() {
        GenericRecord old = new GenericData.Record(V1);
        old.put("id", "p-1");
        byte[] bytes = new AvroSerializer<GenericRecord>(registry).serialize(TOPIC, old);

        Object read = new AvroDeserializer<GenericRecord>(registry, V2).deserialize(TOPIC, bytes);

        assertThat(read).isInstanceOfSatisfying(GenericRecord.class, record -> {
            assertThat(record.getSchema()).isEqualTo(V2);
            assertThat(record.get("id")).hasToString("p-1");
            assertThat(record.get("note")).hasToString("none");
        });
    }

    @Test
    void recordsOfDifferentWriterSchemasInterleavedOnOneTopicEachResolveWithTheirOwnWriter() {
        GenericRecord old = new GenericData.Record(V1);
        old.put("id", "p-old");
        GenericRecord current = new GenericData.Record(V2);
        current.put("id", "p-new");
        current.put("note", "written");
        AvroSerializer<GenericRecord> writer = new AvroSerializer<>(registry);
        byte[] oldBytes = writer.serialize(TOPIC, old);
        byte[] newBytes = writer.serialize(TOPIC, current);
        AvroDeserializer<GenericRecord> reader = new AvroDeserializer<>(registry, V2);

        // The same deserializer, old and new records in turn (its datum readers are reused per writer).
        for (int round = 0; round < 2; round++) {
            assertThat(reader.deserialize(TOPIC, oldBytes).get("note")).hasToString("none");
            assertThat(reader.deserialize(TOPIC, newBytes).get("note")).hasToString("written");
        }
        assertThat(reader.deserialize(TOPIC, oldBytes).get("id")).hasToString("p-old");
    }

    @Test
    void unknownMagicByteIsRejected() {
        byte[] bytes = HexFormat.of().parseHex("07" + "00000001" + METADATA_AVRO);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic probe")
                .hasMessageContaining("unknown magic byte 0x07, expected 0x00");
    }

    @Test
    void payloadShorterThanTheHeaderIsRejected() {
        byte[] bytes = HexFormat.of().parseHex("000000");

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic probe")
                .hasMessageContaining("payload of 3 bytes is too short");
    }

    @Test
    void unknownSchemaIdIsRejected() {
        byte[] bytes = HexFormat.of().parseHex("00" + "00000063" + METADATA_AVRO);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic probe")
                .hasMessageContaining("unknown schema id 99");
    }

    @Test
    void truncatedAvroBodyIsRejectedNamingTheSchemaId() {
        byte[] complete = new AvroSerializer<EventMetadata>(registry).serialize(TOPIC, METADATA);
        byte[] truncated = Arrays.copyOf(complete, complete.length - 2);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot decode Avro record from topic probe with schema id 1");
    }
}
