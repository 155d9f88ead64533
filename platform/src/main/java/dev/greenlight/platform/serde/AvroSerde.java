package dev.greenlight.platform.serde;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * The Confluent-wire-format serializer and deserializer as one Kafka Streams {@link Serde}, sharing
 * a registry client so a topology resolves each schema once.
 *
 * @param <T> the value (or key) type
 */
public class AvroSerde<T> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** For reflective instantiation (e.g. {@code default.value.serde}); configure supplies the registry URL. */
    public AvroSerde() {
        this(new AvroSerializer<>(), new AvroDeserializer<>());
    }

    /**
     * @param topicSchema  the topic's schema: written by the serializer (so unions keep their branch
     *                     index) and resolved into by the deserializer; null to use each record's own
     * @param autoRegister whether the serializer may register {@code topicSchema} (or a record's schema)
     */
    public AvroSerde(SchemaRegistryClient client, Schema topicSchema, boolean autoRegister) {
        this(new AvroSerializer<>(client, topicSchema, autoRegister), new AvroDeserializer<>(client, topicSchema));
    }

    private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
