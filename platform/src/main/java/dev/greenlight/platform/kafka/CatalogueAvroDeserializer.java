package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topic;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One deserializer for every topic of the catalogue: it resolves each message into the topic's
 * current catalogue schema, so consumers see today's classes even for events written with an older
 * schema. Topics outside the catalogue are read with the writer's schema.
 */
public final class CatalogueAvroDeserializer implements Deserializer<Object> {

    private final Map<String, AvroDeserializer<Object>> byTopic;
    private final AvroDeserializer<Object> writerSchema;

    public CatalogueAvroDeserializer(SchemaRegistryClient client, Collection<Topic<?>> topics) {
        this.byTopic = topics.stream()
                .filter(topic -> topic.valueSchema() != null)
                .collect(Collectors.toUnmodifiableMap(Topic::name,
                        topic -> new AvroDeserializer<>(client, topic.valueSchema()), (a, b) -> a));
        this.writerSchema = new AvroDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        byTopic.values().forEach(deserializer -> deserializer.configure(configs, isKey));
        writerSchema.configure(configs, isKey);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return byTopic.getOrDefault(topic, writerSchema).deserialize(topic, data);
    }
}
