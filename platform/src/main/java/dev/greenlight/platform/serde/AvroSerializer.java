package dev.greenlight.platform.serde;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format ({@code 0x00}, 4-byte big-endian schema id, Avro
 * binary) so any Confluent-compatible consumer can read Greenlight topics.
 *
 * <p>The writer schema is the topic's schema when one is given — needed for topics whose value is a
 * union of event types: the subject must hold the union and each message must carry the branch
 * index, otherwise the subject would flip between record schemas and fail compatibility. Without a
 * topic schema the record's own schema ({@link GenericContainer#getSchema()}) is written.
 *
 * @param <T> a SpecificRecord or GenericRecord type
 */
public class AvroSerializer<T> implements Serializer<T> {

    static {
        GreenlightClassTrust.ensure();
        AvroLimits.ensure();
    }

    private SchemaRegistryClient client;
    private final Schema topicSchema;
    /** Writers hold no per-write state, so one per schema serves every thread (building one per record showed up in ingest profiles). */
    private static final int MAX_CACHED_WRITERS = 256;
    private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();
    private boolean autoRegister;
    private boolean isKey;

    /** For Kafka's reflective instantiation; {@link #configure} must supply {@code schema.registry.url}. */
    public AvroSerializer() {
        this(null, null, true);
    }

    public AvroSerializer(SchemaRegistryClient client) {
        this(client, null, true);
    }

    /** @param topicSchema the topic's value schema (e.g. a union), or null to write each record's own schema */
    public AvroSerializer(SchemaRegistryClient client, Schema topicSchema) {
        this(client, topicSchema, true);
    }

    public AvroSerializer(SchemaRegistryClient client, Schema topicSchema, boolean autoRegister) {
        this.client = client;
        this.topicSchema = topicSchema;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = AvroSerdeConfig.autoRegister(configs, autoRegister);
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new SerializationException("AvroSerializer for topic " + topic
                    + " is not configured: pass a SchemaRegistryClient or set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        Schema schema = writerSchema(topic, data);
        int id = schemaId(topic, schema);
        try {
            Output out = OUTPUT.get();
            out.reset();
            out.write(WireFormat.MAGIC_BYTE);
            out.write(id >>> 24);
            out.write(id >>> 16);
            out.write(id >>> 8);
            out.write(id);
            out.encoder = EncoderFactory.get().directBinaryEncoder(out, out.encoder);
            writer(schema).write(data, out.encoder);
            out.encoder.flush();
            return out.toByteArray();
        } catch (IOException | AvroRuntimeException | ClassCastException e) {
            throw new SerializationException("cannot write " + data.getClass().getName() + " to topic " + topic
                    + " with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * This thread's output buffer and encoder, reused for every record it writes: an event of a
     * hundred bytes used to cost a growing {@code ByteArrayOutputStream} (synchronized on every
     * byte the encoder wrote), a {@code ByteBuffer} for the schema id and a new encoder — the
     * largest allocations of check-ingest's batch path after the JSON tree went. A buffer grown
     * past {@link Output#KEEP} by an unusually large record is not kept.
     */
    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

    private static final class Output extends OutputStream {

        static final int KEEP = 64 * 1024;

        private byte[] buffer = new byte[512];
        private int count;
        BinaryEncoder encoder;

        void reset() {
            if (buffer.length > KEEP) {
                buffer = new byte[512];
            }
            count = 0;
        }

        @Override
        public void write(int b) {
            if (count == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (count + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + length));
            }
            System.arraycopy(bytes, offset, buffer, count, length);
            count += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, count);
        }
    }

    private SpecificDatumWriter<T> writer(Schema schema) {
        SpecificDatumWriter<T> writer = writers.get(schema);
        if (writer == null) {
            writer = new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
            if (writers.size() < MAX_CACHED_WRITERS) { // generic records may bring ever new schemas
                writers.putIfAbsent(schema, writer);
            }
        }
        return writer;
    }

    private Schema writerSchema(String topic, T data) {
        if (topicSchema != null) {
            return topicSchema;
        }
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        throw new SerializationException("cannot write " + data.getClass().getName() + " to topic " + topic
                + ": not an Avro record and no topic schema was given");
    }

    private int schemaId(String topic, Schema schema) {
        String subject = AvroSerdeConfig.subject(topic, isKey);
        try {
            if (autoRegister) {
                return client.register(subject, schema);
            }
            return client.getId(subject, schema).orElseThrow(() -> new SerializationException(
                    "schema " + schema.getFullName() + " is not registered under subject " + subject + " and "
                            + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + "=false: register it before producing to "
                            + topic));
        } catch (SchemaRegistryException e) {
            throw new SerializationException("schema registry refused schema " + schema.getFullName()
                    + " for subject " + subject + " of topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
