package dev.greenlight.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Greenlight's own settings; Kafka and serde settings stay under {@code spring.kafka.*} so Boot's
 * documentation applies to them unchanged.
 *
 * @param topics  how catalogue topics are created
 * @param publish how event publication waits for the broker
 */
@ConfigurationProperties("greenlight")
public record GreenlightProperties(@DefaultValue TopicProperties topics, @DefaultValue PublishProperties publish) {

    /**
     * @param ackTimeout how long an API waits for the broker's acknowledgement before answering 503
     */
    public record PublishProperties(@DefaultValue("15s") Duration ackTimeout) {
    }

    /**
     * @param replicationFactor replicas per partition; 1 for the single local broker, 3 in production
     */
    public record TopicProperties(@DefaultValue("1") short replicationFactor) {
    }
}
