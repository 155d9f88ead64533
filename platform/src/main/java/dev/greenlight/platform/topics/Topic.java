package dev.greenlight.platform.topics;

import java.util.Map;
import org.apache.avro.Schema;

/**
 * One entry of the topic catalogue: everything needed to create the topic and to read or write it
 * with the right types. Keys are always the release target as a UTF-8 string, so every event about
 * one target lands on one partition, in order.
 *
 * @param name        the Kafka topic name
 * @param valueSchema the Avro schema of the value (a record, or a union of records for topics that
 *                    carry several event types of one aggregate)
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
}
