package dev.greenlight.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.integrations.common.domain.HmacSha256;
import dev.greenlight.integrations.github.application.GitHubGate;
import dev.greenlight.integrations.github.domain.ReleaseRevisions;
import dev.greenlight.integrations.github.kafka.GitHubListeners;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The GitHub integration end to end against a real broker and a local fake of the GitHub API: a
 * deployment protection webhook with a wrong signature is refused and nothing waits; a signed one waits
 * for its stage; the stage's GO then approves it on its callback URL with a comment naming the criteria,
 * and the stage's commit status is posted on the release's revision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + IntegrationsApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.integrations.console-url=http://console.test",
        "greenlight.integrations.github.enabled=true",
        "greenlight.integrations.github.app-id=123",
        "greenlight.integrations.github.installation-id=42",
        "greenlight.integrations.github.webhook-secret=" + GitHubIT.SECRET,
        "greenlight.integrations.github.repositories.ict-qm=acme/ict-qm",
        "greenlight.integrations.github.environments.production=live-100"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class GitHubIT {

    static final String SECRET = "github-webhook-secret-123";
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String CALLBACK = "/api/v3/repos/acme/ict-qm/actions/runs/77/deployment_protection_rule";
    static final WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        github.start();
        github.stubFor(post(urlEqualTo("/api/v3/app/installations/42/access_tokens")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"token\": \"ghs_installation\", \"expires_at\": \"2099-01-01T00:00:00Z\"}")));
        github.stubFor(post(urlEqualTo(CALLBACK)).willReturn(aResponse().withStatus(204)));
        github.stubFor(post(urlEqualTo("/api/v3/repos/acme/ict-qm/statuses/" + SHA))
                .willReturn(aResponse().withStatus(201)));
    }

    @AfterAll
    static void stop() {
        github.stop();
    }

    @DynamicPropertySource
    static void github(DynamicPropertyRegistry registry) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        registry.add("greenlight.integrations.github.api-url", () -> github.baseUrl() + "/api/v3");
        registry.add("greenlight.integrations.github.private-key", () -> pem);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    GitHubGate gate;
    @Autowired
    ReleaseRevisions revisions;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aWaitingDeploymentIsApprovedWhenItsStageSaysGo_andTheStageStatusIsPostedOnTheRevision() throws Exception {
        String payload = """
                {"action": "requested", "environment": "production", "event": "deployment",
                 "deployment_callback_url": "%s",
                 "deployment": {"id": 1, "sha": "%s", "environment": "production"},
                 "repository": {"full_name": "acme/ict-qm"}, "installation": {"id": 42}}"""
                .formatted(github.baseUrl() + CALLBACK, SHA);

        assertThat(webhook(payload, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(webhook(payload, null).statusCode()).isEqualTo(401);
        assertThat(webhook(payload, HmacSha256.header("another-secret-entirely", payload.getBytes(StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(401);
        assertThat(gate.waitingCount()).as("a refused webhook leaves nothing waiting").isZero();
        // Signed, but it would have the installation token posted outside the configured GitHub API.
        String elsewhere = payload.replace(github.baseUrl() + CALLBACK, "https://collector.example/steal");
        HttpResponse<String> refused = webhook(elsewhere, HmacSha256.header(SECRET, elsewhere.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("deployment_callback_url");
        assertThat(gate.waitingCount()).as("a refused callback leaves nothing waiting").isZero();

        publisher.publish(Topics.RELEASES, "ict-qm", ReleaseRegistered.newBuilder().setMeta(meta("r-1"))
                .setTarget("ict-qm").setVersion("1.2.3").setReleaseType(ReleaseType.BUGFIX).setRevision(SHA)
                .setAuthor("alice").build());
        await().atMost(Duration.ofSeconds(60)).until(() -> revisions.revision("ict-qm", "1.2.3").isPresent());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var assigned = listeners.getListenerContainer(GitHubListeners.STATUS_ID).getAssignedPartitions();
            return assigned != null && assigned.size() == 3;
        });

        HttpResponse<String> accepted = webhook(payload, HmacSha256.header(SECRET, payload.getBytes(StandardCharsets.UTF_8)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"waiting\"");
        assertThat(gate.waitingCount()).isEqualTo(1);
        assertThat(github.findAll(postRequestedFor(urlEqualTo(CALLBACK)))).isEmpty();

        publisher.publish(Topics.DECISIONS, "ict-qm", GateDecided.newBuilder().setMeta(meta("dec-go"))
                .setTarget("ict-qm").setDecisionId("dec-go").setVersion("1.2.3").setStage("live-100")
                .setOutcome(GateOutcome.GO)
                .setCriteria(List.of(criterion("unit-tests"), criterion("founder-approval")))
                .setPolicy(PolicyRef.newBuilder().setName("gate5").setVersion("1").setContentHash("ab").build())
                .setEvaluatedAt(Instant.parse("2026-12-01T10:00:00Z")).build());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            github.verify(postRequestedFor(urlEqualTo(CALLBACK)).withRequestBody(equalToJson("""
                    {"environment_name": "production", "state": "approved",
                     "comment": "Greenlight GO for ict-qm 1.2.3 live-100. Criteria: unit-tests PASS, founder-approval PASS. Decision dec-go: http://console.test/releases/ict-qm/1.2.3"}""")));
            github.verify(postRequestedFor(urlEqualTo("/api/v3/repos/acme/ict-qm/statuses/" + SHA))
                    .withRequestBody(equalToJson("""
                            {"state": "success", "target_url": "http://console.test/releases/ict-qm/1.2.3",
                             "description": "GO: every blocking criterion passed or was waived",
                             "context": "greenlight/live-100"}""")));
        });
        assertThat(gate.waitingCount()).isZero();
    }

    private HttpResponse<String> webhook(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/webhooks/github/deployment-protection"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "deployment_protection_rule")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static EventMetadata meta(String id) {
        return EventMetadata.newBuilder().setEventId(id).setOccurredAt(Instant.parse("2026-12-01T10:00:00Z"))
                .setPrincipal("ci").build();
    }

    private static CriterionResult criterion(String name) {
        return CriterionResult.newBuilder().setName(name).setKind("check").setStatus(CriterionStatus.PASS)
                .setBlocking(true).setReason("passed").build();
    }
}
