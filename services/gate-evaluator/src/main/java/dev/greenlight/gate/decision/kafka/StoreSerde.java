package dev.greenlight.gate.decision.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary for the evaluator's own state stores. Store changelogs are internal to this
 * application (written and read only by it), so they need no schema registry subject — and with
 * {@code auto.register.schemas=false} in production, a registry-backed store serde could not even
 * write. The schema may be a union, so one store holds every kind of evidence, or an array, so
 * one record holds many events ({@link SampleChunkStore}).
 */
final class StoreSerde {

    static {
        // Store restoration can run before any source record was decoded, so the event classes
        // must be trusted here too, not only by the platform's topic serde.
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                type -> type.getName().startsWith("dev.greenlight.")));
    }

    private StoreSerde() {
    }

    @SuppressWarnings("unchecked")
    static <T> Serde<T> of(Schema schema) {
        SpecificData data = SpecificData.getForSchema(switch (schema.getType()) {
            case UNION -> schema.getTypes().get(0);
            case ARRAY -> schema.getElementType();
            default -> schema;
        });
        // A datum reader or writer resolves the schema on construction, which cost more than the
        // (de)serialisation itself; one per thread, because a store serde is shared by every task.
        ThreadLocal<SpecificDatumWriter<T>> writers =
                ThreadLocal.withInitial(() -> new SpecificDatumWriter<>(schema, data));
        ThreadLocal<SpecificDatumReader<T>> readers =
                ThreadLocal.withInitial(() -> new SpecificDatumReader<>(schema, schema, data));
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            try {
                writers.get().write(value, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return readers.get().read(null, DecoderFactory.get().binaryDecoder(bytes, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
