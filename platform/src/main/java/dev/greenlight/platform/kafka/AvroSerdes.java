package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroSerde;
import dev.greenlight.platform.topics.Topic;

/**
 * Kafka Streams serdes straight from the catalogue, so a topology cannot pair a topic with the wrong
 * schema: the serde writes and reads the topic's catalogue schema.
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /**
     * @param autoRegister false in production, where only CI registers schemas
     * @throws IllegalArgumentException for topics without an Avro schema (the dead-letter topic)
     */
    public static <V> AvroSerde<V> forTopic(Topic<V> topic, SchemaRegistryClient client, boolean autoRegister) {
        if (topic.valueSchema() == null) {
            throw new IllegalArgumentException("topic " + topic.name() + " carries raw bytes, not Avro");
        }
        return new AvroSerde<>(client, topic.valueSchema(), autoRegister);
    }
}
