package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * With no broker reachable nothing can be stored, so nothing may be answered as done: an accepted
 * action and a refused one (whose refusal must be recorded) both answer 503 with Retry-After.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ApprovalApplication.CONFIG_NAME,
        // Nothing listens on port 1: the broker is down for the whole test.
        "spring.kafka.bootstrap-servers=localhost:1",
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "greenlight.security.demo-users=true"})
@Import(InMemoryRegistryConfiguration.class)
class BrokerDownIT {

    @LocalServerPort
    int port;

    @Test
    void anAcceptedActionIsAnswered503WithRetryAfter() {
        ResponseEntity<String> answer = flip("demo-erin", "ACTIVATE");

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody()).contains("Retry later");
    }

    @Test
    void aRefusalThatCannotBeRecordedIsAnswered503NotSilently403() {
        ResponseEntity<String> answer = flip("demo-erin", "DEACTIVATE");

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    private ResponseEntity<String> flip(String token, String action) {
        return RestClient.create("http://localhost:" + port).post().uri("/api/v1/kill-switch")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"target\": \"offline\", \"action\": \"" + action + "\", \"reason\": \"broker test\"}")
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .body(new String(response.getBody().readAllBytes())), true);
    }
}
