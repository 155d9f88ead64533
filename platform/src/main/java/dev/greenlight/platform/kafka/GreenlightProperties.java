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
 * @param registry how consumers wait for an unavailable schema registry
 */
@ConfigurationProperties("greenlight")
public record GreenlightProperties(@DefaultValue TopicProperties topics, @DefaultValue PublishProperties publish,
                                   @DefaultValue RegistryProperties registry) {

    /**
     * @param retryInterval   how long a consumer waits before reading again a record that met a silent registry
     * @param outageDownAfter how long the registry may be unavailable before the {@code schemaRegistry} health is DOWN
     */
    public record RegistryProperties(@DefaultValue("1s") Duration retryInterval,
                                     @DefaultValue("60s") Duration outageDownAfter) {
    }

    /**
     * @param ackTimeout how long an API waits for the broker's acknowledgement before answering 503
     */
    public record PublishProperties(@DefaultValue("15s") Duration ackTimeout) {
    }

    /**
     * @param replicationFactor replicas per partition; 1 for the single local broker, 3 in production
     * @param minInsyncReplicas {@code min.insync.replicas} set on created topics and required of existing
     *                          ones; 1 locally, 2 in production
     * @param check             whether each service checks the topics it owns at start ({@code TopicSettingsVerifier})
     * @param checkTimeout      how long that check waits for the cluster before it is skipped (logged)
     * @param owner             the principal ({@code KafkaUser} name) whose topics the service checks;
     *                          {@code spring.application.name} when empty
     */
    public record TopicProperties(@DefaultValue("1") short replicationFactor,
                                  @DefaultValue("1") short minInsyncReplicas,
                                  @DefaultValue("true") boolean check,
                                  @DefaultValue("10s") Duration checkTimeout,
                                  String owner) {
    }
}
