package dev.greenlight.platform.kafka;

import dev.greenlight.platform.topics.KafkaUser;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires {@link TopicSettingsVerifier} for a service that runs as one of Greenlight's principals
 * ({@code greenlight.topics.owner}, else {@code spring.application.name}, naming a {@link KafkaUser}),
 * with the environment's requirements from {@code greenlight.topics.*}. Off with
 * {@code greenlight.topics.check=false}; absent for an application that is no Greenlight service.
 */
@AutoConfiguration(after = {GreenlightKafkaAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnProperty(name = "greenlight.topics.check", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(GreenlightProperties.class)
public class TopicSettingsAutoConfiguration {

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnMissingBean
    TopicSettingsVerifier topicSettingsVerifier(KafkaAdmin admin, GreenlightProperties properties,
            @Value("${spring.application.name:}") String applicationName) {
        String ownerName = properties.topics().owner() == null || properties.topics().owner().isBlank()
                ? applicationName : properties.topics().owner();
        KafkaUser owner = Arrays.stream(KafkaUser.values()).filter(u -> u.userName().equals(ownerName)).findFirst()
                .orElse(null);
        if (owner == null) {
            return null;
        }
        return new TopicSettingsVerifier(admin.getConfigurationProperties(), owner,
                properties.topics().replicationFactor(), properties.topics().minInsyncReplicas(),
                properties.topics().checkTimeout());
    }
}
