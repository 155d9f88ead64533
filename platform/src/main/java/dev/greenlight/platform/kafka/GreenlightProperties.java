package dev.greenlight.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Greenlight's own settings; Kafka and serde settings stay under {@code spring.kafka.*} so Boot's
 * documentation applies to them unchanged.
 *
 * @param topics how catalogue topics are created
 */
@ConfigurationProperties("greenlight")
public record GreenlightProperties(@DefaultValue TopicProperties topics) {

    /**
     * @param replicationFactor replicas per partition; 1 for the single local broker, 3 in production
     */
    public record TopicProperties(@DefaultValue("1") short replicationFactor) {
    }
}
