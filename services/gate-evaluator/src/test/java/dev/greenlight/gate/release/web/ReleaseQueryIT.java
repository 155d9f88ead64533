package dev.greenlight.gate.release.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** A release published on the releases topic becomes queryable through the evaluator's API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gate-evaluator",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class ReleaseQueryIT {

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;

    @Test
    void aPublishedReleaseIsServedAndAnUnknownOneIs404() {
        publisher.publish(Topics.RELEASES, "rl-policy", ReleaseRegistered.newBuilder()
                .setMeta(new EventMetadata("evt-1", Instant.parse("2026-11-22T09:00:00Z"), "ci"))
                .setTarget("rl-policy")
                .setVersion("3.0.0")
                .setReleaseType(ReleaseType.MODEL)
                .setRevision("abcdef1")
                .setAuthor("alice")
                .build());

        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBearerAuth("demo-bob")).build();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<String> found = api.get().uri("/api/v1/releases/rl-policy/3.0.0").retrieve()
                    .onStatus(s -> true, (req, res) -> { })
                    .toEntity(String.class);
            assertThat(found.getStatusCode().value()).isEqualTo(200);
            assertThat(found.getBody()).contains("\"releaseId\":\"rl-policy@3.0.0\"")
                    .contains("\"releaseType\":\"MODEL\"").contains("\"revision\":\"abcdef1\"");
        });
        int unknown = api.get().uri("/api/v1/releases/rl-policy/9.9.9").retrieve()
                .onStatus(s -> true, (req, res) -> { })
                .toBodilessEntity().getStatusCode().value();
        assertThat(unknown).isEqualTo(404);
    }
}
