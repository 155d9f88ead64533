package dev.greenlight.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.client.RestClient;

/**
 * What a service that consumes through Kafka Streams or listener containers owes its orchestrator: when
 * such a client dies it still answers HTTP but processes nothing, so its liveness turns DOWN (503) and
 * it is restarted. A {@link ServiceSmokeTest} of such a service also implements this; services without
 * those clients do not, so no test is skipped for them. Runs last: it kills the clients.
 */
public interface KafkaClientsLiveness {

    int port();

    ApplicationContext applicationContext();

    @Test
    @Order(Integer.MAX_VALUE)
    default void aDeadKafkaClientTurnsLivenessDown() {
        RestClient api = RestClient.create("http://localhost:" + port());
        List<StreamsBuilderFactoryBean> streams = applicationContext().getBeanProvider(StreamsBuilderFactoryBean.class)
                .orderedStream().toList();
        List<MessageListenerContainer> containers = applicationContext()
                .getBeanProvider(KafkaListenerEndpointRegistry.class)
                .stream().flatMap(registry -> registry.getAllListenerContainers().stream()).toList();
        assertThat(streams.size() + containers.size()).as("Kafka Streams clients and listener containers")
                .isPositive();
        await().atMost(Duration.ofSeconds(60)).until(() -> liveness(api) == 200);

        streams.forEach(factory -> factory.getKafkaStreams().close(Duration.ofSeconds(10)));
        containers.forEach(container -> container.stopAbnormally(() -> { }));

        await().atMost(Duration.ofSeconds(30)).until(() -> liveness(api) == 503);
    }

    private static int liveness(RestClient api) {
        return api.get().uri("/actuator/health/liveness").exchange((request, response) -> response.getStatusCode()
                .value());
    }
}
