package dev.greenlight.platform.topics;

import java.util.Map;

/**
 * A topic as the cluster has it: what {@link TopicSettingsCheck} compares with the catalogue. Plain
 * values, so the comparison needs no broker.
 *
 * @param name              the topic name
 * @param partitions        its partition count
 * @param replicationFactor replicas of its first partition
 * @param configs           its effective configs (explicit and broker defaults)
 */
public record TopicSettings(String name, int partitions, int replicationFactor, Map<String, String> configs) {

    public TopicSettings {
        configs = Map.copyOf(configs);
    }
}
