package dev.greenlight.platform.topics;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * One entry of the topic catalogue: everything needed to create the topic and to read or write it
 * with the right types. Keys are always the release target as a UTF-8 string, so every event about
 * one target lands on one partition, in order.
 *
 * @param name        the Kafka topic name
 * @param valueSchema the Avro schema of the value (a record, or a union of records for topics that
 *                    carry several event types of one aggregate); null for raw-bytes topics
 * @param valueType   the Java type values deserialize to
 * @param partitions  partition count at creation
 * @param configs     topic-level configs applied at creation
 * @param <V>         the value type
 */
public record Topic<V>(String name, Schema valueSchema, Class<V> valueType, int partitions,
                       Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }

    /** Schema registry subject of the values under TopicNameStrategy, the only strategy Greenlight uses. */
    public String valueSubject() {
        return name + "-value";
    }

    /**
     * Schema registry subject of the keys under TopicNameStrategy. Keys are plain UTF-8 strings and
     * not registered today; the name is here so a future Avro key cannot pick a different one.
     */
    public String keySubject() {
        return name + "-key";
    }

    /**
     * The event records this topic can carry: the members of a union value schema, the record itself
     * otherwise, nothing for a raw-bytes topic. Lets consumers and tools dispatch per event type
     * without special-casing unions.
     */
    public List<Schema> recordSchemas() {
        if (valueSchema == null) {
            return List.of();
        }
        return valueSchema.isUnion() ? List.copyOf(valueSchema.getTypes()) : List.of(valueSchema);
    }
}
