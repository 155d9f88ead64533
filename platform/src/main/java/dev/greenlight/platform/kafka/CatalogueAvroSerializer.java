package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroSerializer;
import dev.greenlight.platform.topics.Topic;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One serializer for every topic of the catalogue: it writes each topic's catalogue schema, so a
 * single template can publish to union topics (the union and the branch index are written) and to
 * single-record topics alike. Topics outside the catalogue get the record's own schema.
 */
public final class CatalogueAvroSerializer implements Serializer<Object> {

    private final Map<String, AvroSerializer<Object>> byTopic;
    private final AvroSerializer<Object> ownSchema;

    public CatalogueAvroSerializer(SchemaRegistryClient client, Collection<Topic<?>> topics) {
        this.byTopic = topics.stream()
                .filter(topic -> topic.valueSchema() != null)
                .collect(Collectors.toUnmodifiableMap(Topic::name,
                        topic -> new AvroSerializer<>(client, topic.valueSchema()), (a, b) -> a));
        this.ownSchema = new AvroSerializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        byTopic.values().forEach(serializer -> serializer.configure(configs, isKey));
        ownSchema.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        return byTopic.getOrDefault(topic, ownSchema).serialize(topic, data);
    }

}
