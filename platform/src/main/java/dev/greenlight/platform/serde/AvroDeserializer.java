package dev.greenlight.platform.serde;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format. The writer schema comes from the registry by the id in the
 * message; the reader schema is the topic's current schema when given, so messages written with an
 * older schema resolve into today's classes (new fields take their defaults).
 *
 * <p>Every malformed payload becomes a {@link SerializationException} naming the topic, the problem
 * and the schema id; the Kafka consumer wraps it in a {@code RecordDeserializationException} that
 * adds partition and offset, which is what the dead-letter handling keys on.
 *
 * <p>The writer schema is asked of the registry client for every record (so a record whose schema
 * cannot be fetched still fails or waits as the client decides, e.g. while the registry is down),
 * but the datum reader built from it — which resolves writer against reader schema — is kept per
 * thread and writer schema: building one per record was a tenth of what the gate's stream threads
 * allocated per metric sample during a burst (docs/performance.md, "Isolation"). Per thread,
 * because Avro's datum readers keep unsynchronised caches.
 *
 * @param <T> the value type; SpecificRecord when the generated class is on the classpath
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    static {
        GreenlightClassTrust.ensure();
        AvroLimits.ensure();
    }

    private SchemaRegistryClient client;
    private final Schema readerSchema;
    /** Per thread: writer schema → datum reader into {@link #readerSchema} (or the writer's own). */
    private final ThreadLocal<Map<Schema, SpecificDatumReader<T>>> readers = ThreadLocal.withInitial(HashMap::new);

    /** For Kafka's reflective instantiation; {@link #configure} must supply {@code schema.registry.url}. */
    public AvroDeserializer() {
        this(null, null);
    }

    public AvroDeserializer(SchemaRegistryClient client) {
        this(client, null);
    }

    /** @param readerSchema the topic's current schema to resolve into, or null to read with the writer's */
    public AvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
        this.client = client;
        this.readerSchema = readerSchema;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // tombstone
        }
        if (data.length < WireFormat.HEADER_SIZE) {
            throw new SerializationException("cannot read record from topic " + topic + ": payload of "
                    + data.length + " bytes is too short for the Confluent wire format (at least "
                    + WireFormat.HEADER_SIZE + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        byte magic = buffer.get();
        if (magic != WireFormat.MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "cannot read record from topic %s: unknown magic byte 0x%02x, expected 0x%02x",
                    topic, magic, WireFormat.MAGIC_BYTE));
        }
        int id = buffer.getInt();
        Schema writer = writerSchema(topic, id);
        try {
            SpecificDatumReader<T> datumReader = readers.get().computeIfAbsent(writer, this::readerFor);
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
            return datumReader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            throw new SerializationException("cannot decode Avro record from topic " + topic + " with schema id "
                    + id + ": " + e, e);
        }
    }

    private SpecificDatumReader<T> readerFor(Schema writer) {
        Schema reader = readerSchema != null ? readerSchema : writer;
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
    }

    private Schema writerSchema(String topic, int id) {
        if (client == null) {
            throw new SerializationException("AvroDeserializer for topic " + topic
                    + " is not configured: pass a SchemaRegistryClient or set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        try {
            return client.getSchemaById(id);
        } catch (SchemaRegistryException e) {
            String problem = e.isNotFound() ? "unknown schema id " + id : "cannot fetch schema id " + id;
            throw new SerializationException("cannot read record from topic " + topic + ": " + problem
                    + " (" + e.getMessage() + ")", e);
        }
    }
}
