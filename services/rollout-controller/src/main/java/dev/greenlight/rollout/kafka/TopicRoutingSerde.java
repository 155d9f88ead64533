package dev.greenlight.rollout.kafka;

import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.topics.Topic;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One serde over several catalogue topics, delegating to each topic's own Avro serde by topic
 * name. Lets the controller read all its inputs as one stream (one processor sees a target's
 * events in order) and write all its outputs through one sink.
 */
final class TopicRoutingSerde implements Serde<Object> {

    private final Map<String, Serde<Object>> byTopic;

    @SuppressWarnings("unchecked")
    TopicRoutingSerde(TopicSerdes serdes, Collection<Topic<?>> topics) {
        this.byTopic = topics.stream().collect(Collectors.toUnmodifiableMap(Topic::name,
                topic -> (Serde<Object>) (Serde<?>) serdes.forTopic(topic), (a, b) -> a));
    }

    @Override
    public Serializer<Object> serializer() {
        return (topic, value) -> serde(topic).serializer().serialize(topic, value);
    }

    @Override
    public Deserializer<Object> deserializer() {
        return (topic, bytes) -> serde(topic).deserializer().deserialize(topic, bytes);
    }

    private Serde<Object> serde(String topic) {
        Serde<Object> serde = byTopic.get(topic);
        if (serde == null) {
            throw new IllegalArgumentException("topic " + topic + " is not routed by this serde");
        }
        return serde;
    }
}
