package dev.greenlight.gate.decision.web;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.GateEvaluatorApplication;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.parser.PolicyParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * From evidence on the topics to a GateDecided on the decisions topic and the REST answer, through
 * a real broker and the service as configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + GateEvaluatorApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.policies.dirs=src/test/resources/test-policies"})
@EmbeddedKafka
// Stop Kafka Streams when the class ends: it writes checkpoints into the @TempDir state dir,
// which JUnit deletes right after the class.
@DirtiesContext
@Import(InMemoryRegistryConfiguration.class)
class GateEvaluatorIT {

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    EventPublisher publisher;
    @Autowired
    SchemaRegistryClient registry;

    @Test
    void evidenceOnTheTopicsBecomesAGoDecisionAndTheRestApiExplainsIt() {
        Instant now = Instant.now();
        ReleaseRegistered registered = release("it-r1", "svc-it", "1.0.0", ReleaseType.BUGFIX, now);
        registered.setPolicy("test-gate");
        publisher.publish(Topics.RELEASES, "svc-it", registered);
        publisher.publish(Topics.APPROVALS, "svc-it",
                approval("it-p1", "svc-it", "1.0.0", "ap-1", "founder", "erin", now, null));

        List<GateDecided> decided = await().atMost(Duration.ofSeconds(60)).until(
                () -> TopicProbe.readAll(brokers, Topics.DECISIONS, registry).stream().map(ConsumerRecord::value)
                        .filter(d -> d.getTarget().equals("svc-it")).toList(),
                list -> list.stream().anyMatch(d -> d.getOutcome() == GateOutcome.GO));
        GateDecided go = decided.get(decided.size() - 1);
        assertThat(go.getEvidenceIds()).containsExactly("it-p1", "it-r1");
        assertThat(go.getPolicy().getName()).isEqualTo("test-gate");

        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBearerAuth("demo-bob")).build();
        Map<String, Object> view = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get().uri("/api/v1/releases/svc-it/1.0.0").retrieve()
                        .onStatus(HttpStatusCode::is5xxServerError, (request, response) -> { })
                        .body(new ParameterizedTypeReference<Map<String, Object>>() { }),
                body -> body != null && body.get("decisions") != null);
        assertThat(view).containsEntry("policyStatus", "gated");
        assertThat(view.get("decisions").toString()).contains("outcome=GO").contains("decisionId=" + go.getDecisionId())
                .contains("name=signoff").contains("status=PASS");
    }

    @Test
    void everyLoadedPolicyIsRecordedWithItsDocumentUnderItsHash() {
        List<PolicyActivated> recorded = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicProbe.readAll(brokers, Topics.POLICIES, registry).stream().map(ConsumerRecord::value).toList(),
                list -> list.stream().anyMatch(p -> p.getName().equals("test-gate")));

        assertThat(recorded).extracting(p -> p.getName())
                .contains("test-gate", "rl-policy-go-nogo", "trading-strategy", "ops-release");
        assertThat(recorded).allSatisfy(p -> {
            assertThat(p.getMeta().getEventId()).isEqualTo(p.getContentHash());
            assertThat(new PolicyParser().parse(p.getName() + ".yaml", p.getContent())
                    .contentHash()).isEqualTo(p.getContentHash());
        });
    }

    @Test
    void anUnknownReleaseIs404() {
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBearerAuth("demo-bob")).build();
        HttpStatusCode status = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get().uri("/api/v1/releases/svc-none/9.9.9").exchange((req, res) -> res.getStatusCode()),
                code -> code.value() != 503);
        assertThat(status.value()).isEqualTo(404);
    }
}
