package dev.greenlight.integrations;

import dev.greenlight.integrations.subscriptions.application.EndpointSeal;
import dev.greenlight.integrations.subscriptions.domain.SubscriptionRules;
import dev.greenlight.integrations.subscriptions.domain.Subscriptions;
import dev.greenlight.integrations.notifications.application.Deliveries;
import dev.greenlight.integrations.notifications.domain.ConsoleLinks;
import dev.greenlight.integrations.notifications.domain.RetryPolicy;
import dev.greenlight.integrations.notifications.http.HttpTransport;
import dev.greenlight.platform.time.Pause;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import dev.greenlight.platform.security.ProductionMode;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import java.net.URI;
import java.net.URISyntaxException;
import dev.greenlight.evidence.policies.PolicyDirectory;
import dev.greenlight.integrations.subscriptions.application.DeclaredSubscriptions;
import dev.greenlight.integrations.subscriptions.domain.Endpoint;
import dev.greenlight.integrations.subscriptions.kafka.AnnouncedPolicySubscriptions;
import org.springframework.core.env.Environment;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the framework-free domain pieces from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationsProperties.class)
class IntegrationsConfiguration {

    @Bean
    SubscriptionRules subscriptionRules(IntegrationsProperties properties) {
        return new SubscriptionRules(Set.copyOf(properties.subscriptions().createRoles()),
                properties.subscriptions().authorityRole());
    }

    @Bean
    Subscriptions subscriptions() {
        return new Subscriptions();
    }

    /** The sealing key shipped for the local stack; public, so refused under production settings. */
    static final String LOCAL_SEALING_KEY = "bG9jYWwtc3RhY2stb25seS1ub3QtYS1yZWFsLWtleSE=";

    @Bean
    EndpointSeal endpointSeal(IntegrationsProperties properties, Environment environment) {
        if (ProductionMode.isOn(environment) && LOCAL_SEALING_KEY.equals(properties.sealingKey())) {
            throw new IllegalStateException("greenlight.integrations.sealing-key is the public local-stack key; "
                    + "set GREENLIGHT_SEALING_KEY (openssl rand -base64 32) under production settings");
        }
        return new EndpointSeal(properties.sealingKey());
    }

    /** Subscriptions the announced policies declare, their secretRefs resolved from {@code greenlight.integrations.secrets}. */
    @Bean
    DeclaredSubscriptions declaredSubscriptions(PolicyDirectory policyDirectory, IntegrationsProperties properties,
                                                MeterRegistry meters) {
        Map<String, Endpoint> secrets = new HashMap<>();
        properties.secrets().forEach((name, secret) -> {
            try {
                secrets.put(name, new Endpoint(secret.url() == null ? null : new URI(secret.url()), secret.secret()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("greenlight.integrations.secrets." + name + ".url is not a URL");
            }
        });
        return new AnnouncedPolicySubscriptions(policyDirectory, secrets, properties.subscriptions().allowHttp(),
                meters);
    }

    @Bean
    ConsoleLinks consoleLinks(IntegrationsProperties properties) {
        return new ConsoleLinks(properties.consoleUrl());
    }

    /** Workers for deliveries: one slow endpoint holds one worker, never the others. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService deliveryWorkers() {
        return Executors.newFixedThreadPool(8);
    }

    @Bean
    Deliveries deliveries(IntegrationsProperties properties, ConsoleLinks links, ExecutorService deliveryWorkers,
                          MeterRegistry meters, Clock clock) {
        IntegrationsProperties.Delivery delivery = properties.delivery();
        return new Deliveries(new HttpTransport(Duration.ofSeconds(2)), Pause.blocking(),
                new RetryPolicy(delivery.attempts(), delivery.initialBackoff(), delivery.maxBackoff()),
                delivery.requestTimeout(), links, deliveryWorkers, meters, clock);
    }
}
