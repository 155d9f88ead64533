package dev.greenlight.integrations;

import dev.greenlight.integrations.github.application.GitHubGate;
import dev.greenlight.integrations.github.domain.ReleaseRevisions;
import dev.greenlight.integrations.github.domain.RepositoryMap;
import dev.greenlight.integrations.github.http.AppJwt;
import dev.greenlight.integrations.github.http.GitHubClient;
import dev.greenlight.integrations.notifications.domain.ConsoleLinks;
import dev.greenlight.platform.time.Pause;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import dev.greenlight.integrations.github.application.ReviewRecord;
import dev.greenlight.integrations.github.kafka.WaitingDeployments;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The GitHub App integration, built only when {@code greenlight.integrations.github.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "greenlight.integrations.github.enabled", havingValue = "true")
class GitHubConfiguration {

    @Bean
    RepositoryMap repositoryMap(IntegrationsProperties properties) {
        return new RepositoryMap(properties.github().repositories(), properties.github().environments());
    }

    @Bean
    ReleaseRevisions releaseRevisions() {
        return new ReleaseRevisions();
    }

    @Bean
    WaitingDeployments waitingDeployments(GitHubGate gate, KafkaProperties kafka, SchemaRegistryClient registry) {
        return new WaitingDeployments(gate, kafka.buildConsumerProperties(), registry);
    }

    @Bean
    GitHubGate gitHubGate(IntegrationsProperties properties, RepositoryMap map, ReleaseRevisions revisions,
                          ConsoleLinks links, MeterRegistry meters, Clock clock, ReviewRecord reviewRecord) {
        IntegrationsProperties.GitHub github = properties.github();
        if (github.webhookSecret() == null || github.webhookSecret().length() < 16) {
            throw new IllegalStateException("greenlight.integrations.github.webhook-secret (16+ characters) is "
                    + "required when GitHub is enabled: deployment protection webhooks are verified with it");
        }
        if (github.installationId() == null) {
            throw new IllegalStateException("greenlight.integrations.github.installation-id is required when GitHub is enabled");
        }
        GitHubClient client = new GitHubClient(github.apiUrl(), github.installationId(),
                new AppJwt(github.appId(), github.privateKey(), Clock.systemUTC()), Pause.blocking(), Clock.systemUTC(),
                github.maxRetryWait());
        return new GitHubGate(client, map, revisions, links, meters, reviewRecord);
    }
}
