package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.HoldPlaced;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.tracing.Traceparent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;

/**
 * Evidence from people is traced like evidence from machines: the record an authenticated call
 * writes carries a {@code traceparent} header continuing the caller's W3C trace, with no span
 * exporter configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ApprovalApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class TraceparentApprovalIT {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;

    @Test
    void aHoldPlacedWithinATraceIsWrittenWithinIt() {
        int status = RestClient.create("http://localhost:" + port).post().uri("/api/v1/holds")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.setBearerAuth("demo-erin");
                    h.set("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01");
                })
                .body("""
                        {"name": "traced-hold", "target": "svc-traced", "reason": "following a trace"}""")
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(201);
        ConsumerRecord<String, SpecificRecord> placed = TopicProbe.readAll(brokers, Topics.HOLDS, registry).stream()
                .filter(r -> r.value() instanceof HoldPlaced hold && hold.getName().equals("traced-hold"))
                .findFirst().orElseThrow();
        assertThat(Traceparent.from(placed.headers()).map(Traceparent::traceId)).contains(TRACE_ID);
    }
}
