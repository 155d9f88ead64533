package dev.greenlight.registry.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how patiently the registry keeps its state. The topic is the registry's own (like
 * Confluent's {@code kafkastore.topic}), not part of the event catalogue.
 *
 * @param topic the compacted single-partition log of schemas and configs
 * @param initTimeout how long startup may take to create and replay the topic
 * @param writeTimeout how long a write waits for the broker's acknowledgement
 */
@ConfigurationProperties("greenlight.registry")
public record SchemaStoreProperties(
        @DefaultValue(SchemaStoreProperties.DEFAULT_TOPIC) String topic,
        @DefaultValue("60s") Duration initTimeout,
        @DefaultValue("30s") Duration writeTimeout) {

    /** The store topic unless configured otherwise, as in Confluent's registry; the local stack's ACLs name it. */
    public static final String DEFAULT_TOPIC = "_schemas";
}
