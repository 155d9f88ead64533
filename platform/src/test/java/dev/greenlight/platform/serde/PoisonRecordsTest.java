package dev.greenlight.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.LedgerEntry;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four kinds of poison a hostile or broken producer can put on any catalogue topic all fail to
 * decode with a {@link SerializationException} (which the shared consumers dead-letter with its
 * message as the reason, then go on): garbage bytes, an unknown schema id, valid Avro of another
 * event type, and a record declaring a 2 GB string, which must not allocate it
 * ({@link AvroLimits}) — an {@code OutOfMemoryError} would kill the consumer on every retry.
 */
class PoisonRecordsTest {

    static List<Topic<?>> inputTopics() {
        return Topics.all().stream().filter(topic -> topic.valueSchema() != null).toList();
    }

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @ParameterizedTest
    @MethodSource("inputTopics")
    void garbageUnknownIdsWrongTypesAndA2GbStringFailToDecodeWithoutAllocating(Topic<?> topic) throws Exception {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(registry, topic.valueSchema());
        int id = registry.register(topic.valueSubject(), topic.valueSchema());

        assertThatThrownBy(() -> deserializer.deserialize(topic.name(), "{\"not\":\"avro\"}".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
        assertThatThrownBy(() -> deserializer.deserialize(topic.name(), wire(987_654, new byte[] {2, 'x'})))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown schema id 987654");

        Schema other = topic.recordSchemas().contains(LedgerEntry.getClassSchema())
                ? CheckReported.getClassSchema() : LedgerEntry.getClassSchema();
        int otherId = registry.register(other.getFullName() + "-value", other);
        assertThatThrownBy(() -> deserializer.deserialize(topic.name(), wire(otherId, encode(other))))
                .as("valid Avro of another event type").isInstanceOf(SerializationException.class);

        // The first field of every event is meta, whose first field is the eventId string: declare 2 GB.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(body, null);
        if (topic.valueSchema().isUnion()) {
            encoder.writeIndex(0);
        }
        encoder.writeLong(Integer.MAX_VALUE - 8L);
        encoder.writeFixed(new byte[] {'a', 'b', 'c'});
        encoder.flush();
        assertThatThrownBy(() -> deserializer.deserialize(topic.name(), wire(id, body.toByteArray())))
                .isInstanceOf(SerializationException.class).hasMessageContaining("String length");
    }

    @ParameterizedTest
    @MethodSource("inputTopics")
    void theLimitsAreSetForEveryDecoder(Topic<?> topic) {
        AvroLimits.LIMITS.forEach((name, value) -> assertThat(System.getProperty(name)).as(name).isNotNull());
    }

    private static byte[] wire(int id, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body).array();
    }

    /** Any value of {@code schema} with every field at a zero value, encoded. */
    private static byte[] encode(Schema schema) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write((GenericRecord) zero(schema), encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Object zero(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                schema.getFields().forEach(field -> record.put(field.pos(), zero(field.schema())));
                yield record;
            }
            case UNION -> zero(schema.getTypes().get(0));
            case STRING -> "x";
            case BYTES -> ByteBuffer.wrap(new byte[] {1});
            case INT -> 0;
            case LONG -> 0L;
            case DOUBLE -> 0.0;
            case FLOAT -> 0.0f;
            case BOOLEAN -> false;
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
            case ARRAY -> List.of();
            case MAP -> java.util.Map.of();
            case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
            case NULL -> null;
        };
    }
}
