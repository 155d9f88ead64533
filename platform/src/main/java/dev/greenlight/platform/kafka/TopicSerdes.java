package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroSerde;
import dev.greenlight.platform.topics.Topic;

/**
 * Hands Kafka Streams topologies a Confluent-wire-format serde per catalogue topic, sharing the
 * service's registry client (and its cache) and honouring {@code auto.register.schemas}.
 */
public class TopicSerdes {

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;

    public TopicSerdes(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    public <V> AvroSerde<V> forTopic(Topic<V> topic) {
        return AvroSerdes.forTopic(topic, registry, autoRegister);
    }
}
