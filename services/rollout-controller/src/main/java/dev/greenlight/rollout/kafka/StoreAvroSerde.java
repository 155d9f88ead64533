package dev.greenlight.rollout.kafka;

import dev.greenlight.platform.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary for the controller's private stores (registrations, guard evidence). Nobody
 * else reads their changelogs, so the registry's wire format would only add a subject per
 * changelog — which a production registry with {@code auto.register.schemas=false} would refuse.
 * The schemas are the catalogue's own event schemas, so events survive the changelog unchanged.
 */
final class StoreAvroSerde<T> implements Serde<T> {

    private final Schema schema;

    private StoreAvroSerde(Schema schema) {
        this.schema = schema;
    }

    static <R extends SpecificRecord> StoreAvroSerde<R> of(Schema recordSchema) {
        return new StoreAvroSerde<>(recordSchema);
    }

    /** A list of metric and alert events, the input of guard evaluation. */
    static StoreAvroSerde<List<SpecificRecord>> evidenceLog() {
        List<Schema> members = new ArrayList<>(Topics.METRICS.recordSchemas());
        members.addAll(Topics.ALERTS.recordSchemas());
        return new StoreAvroSerde<>(Schema.createArray(Schema.createUnion(members)));
    }

    @Override
    public Serializer<T> serializer() {
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema);
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            try {
                writer.write(value, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema);
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                T value = reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                // Avro hands arrays back as its own GenericData.Array; callers get a plain list.
                return value instanceof List<?> list ? (T) new ArrayList<>(list) : value;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
