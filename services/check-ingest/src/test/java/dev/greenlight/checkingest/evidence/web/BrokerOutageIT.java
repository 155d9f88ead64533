package dev.greenlight.checkingest.evidence.web;

import static dev.greenlight.checkingest.FixedClock.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.checkingest.Api;
import dev.greenlight.checkingest.Api.Answer;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * With the broker really stopped (its broker server shut down, the controller alive), a request is
 * answered 503 with Retry-After and leaves nothing behind; once the broker is back, the same kind
 * of request is accepted again without restarting the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.publish.ack-timeout=5s"})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class BrokerOutageIT {

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void brokerDownMeansRetryLaterAndNothingStoredBrokerBackMeansAcceptedAgain() {
        Api api = new Api(port);
        assertThat(api.post("/api/v1/metrics", metric("outage-before"), "demo-ci").status()).isEqualTo(201);
        List<BrokerServer> servers = List.copyOf(((EmbeddedKafkaKraftBroker) broker).getCluster().brokers().values());

        servers.forEach(server -> {
            server.shutdown();
            server.awaitShutdown();
        });
        Answer refused = api.post("/api/v1/metrics", metric("outage-refused"), "demo-ci");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.retryAfter()).isNotBlank();

        servers.forEach(BrokerServer::startup);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(api.post("/api/v1/metrics", metric("outage-after"), "demo-ci").status()).isEqualTo(201));
        List<String> targets = TopicProbe.readAll(brokers, Topics.METRICS, registry).stream()
                .map(ConsumerRecord::value).map(MetricObserved::getTarget).toList();
        assertThat(targets).contains("outage-before", "outage-after").doesNotContain("outage-refused");
    }

    private static String metric(String target) {
        return """
                {"target": "%s", "name": "live_errors_total", "value": 1, "observedAt": "2026-11-22T10:00:00Z"}"""
                .formatted(target);
    }
}
