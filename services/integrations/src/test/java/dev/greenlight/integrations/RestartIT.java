package dev.greenlight.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.policies.PolicyDirectory;
import dev.greenlight.integrations.common.domain.HmacSha256;
import dev.greenlight.integrations.github.application.GitHubGate;
import dev.greenlight.integrations.github.domain.ReleaseRevisions;
import dev.greenlight.integrations.github.kafka.GitHubListeners;
import dev.greenlight.integrations.github.kafka.WaitingDeployments;
import dev.greenlight.integrations.notifications.kafka.NotificationListener;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.parser.PolicyParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The integrations service restarted between facts, against one real broker: the subscriptions a policy
 * declares ({@code notify:}, its Slack URL named by secretRef) are delivered; a GitHub deployment that was
 * waiting when the service stopped is answered once its stage decides, exactly once; and the stage's
 * latest verdict is not announced (nor its commit status posted) again after the restart.
 */
@EmbeddedKafka
class RestartIT {

    static final String SECRET = "github-webhook-secret-123";
    static final String SHA = "89abcdef0123456789abcdef0123456789abcdef";
    static final String CALLBACK = "/api/v3/repos/acme/pay/actions/runs/91/deployment_protection_rule";
    static final String STATUSES = "/api/v3/repos/acme/pay/statuses/" + SHA;
    static final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());
    /** One registry for both lifetimes of the service, like the registry process of a real deployment. */
    static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();

    static {
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/v3/app/installations/42/access_tokens")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"token\": \"ghs_installation\", \"expires_at\": \"2099-01-01T00:00:00Z\"}")));
        wire.stubFor(post(urlEqualTo(CALLBACK)).willReturn(aResponse().withStatus(204)));
        wire.stubFor(post(urlEqualTo(STATUSES)).willReturn(aResponse().withStatus(201)));
        wire.stubFor(post(urlEqualTo("/slack/team-pay")).willReturn(aResponse().withStatus(200)));
    }

    static final String POLICY = """
            name: pay-policy
            version: "1"
            governs:
              targets: [pay]
            stages:
              - name: live-100
                traffic: 100
            notify:
              - name: team-pay
                events: [decision-changed]
                channel: slack
                secretRef: team-pay-slack
            """;

    @AfterAll
    static void stop() {
        wire.stop();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SharedRegistry {
        @Bean
        SchemaRegistryClient schemaRegistryClient() {
            return REGISTRY;
        }
    }

    @Test
    void aRestartForgetsNothingAndRepeatsNothing(EmbeddedKafkaBroker broker) throws Exception {
        String pem = pem();
        String payload = """
                {"action": "requested", "environment": "production", "event": "deployment",
                 "deployment_callback_url": "%s",
                 "deployment": {"id": 1, "sha": "%s", "environment": "production"},
                 "repository": {"full_name": "acme/pay"}, "installation": {"id": 42}}"""
                .formatted(wire.baseUrl() + CALLBACK, SHA);

        try (ConfigurableApplicationContext first = start(broker, pem)) {
            EventPublisher publisher = first.getBean(EventPublisher.class);
            publisher.publish(Topics.POLICIES, "pay-policy", PolicyActivated.newBuilder().setMeta(meta("p-1"))
                    .setTarget("pay-policy").setName("pay-policy").setVersion("1")
                    .setContentHash(new PolicyParser().parse("pay-policy.yaml", POLICY).contentHash())
                    .setContent(POLICY).build());
            publisher.publish(Topics.RELEASES, "pay", ReleaseRegistered.newBuilder().setMeta(meta("r-1"))
                    .setTarget("pay").setVersion("2.0.0").setReleaseType(ReleaseType.BUGFIX).setRevision(SHA)
                    .setAuthor("alice").build());
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    first.getBean(ReleaseRevisions.class).revision("pay", "2.0.0").isPresent()
                            && first.getBean(PolicyDirectory.class).current().byName("pay-policy").isPresent());
            awaitAssigned(first);

            publisher.publish(Topics.DECISIONS, "pay", decision("dec-hold-1", GateOutcome.HOLD));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(slack()).as("slack notifications (by dedupe key)").hasSize(1);
                assertThat(statuses()).as("commit statuses").hasSize(1);
            });
            assertThat(slack().get(0)).as("the policy's notify: rule delivered")
                    .contains("pay 2.0.0 live-100: HOLD");

            HttpResponse<String> accepted = webhook(first, payload);
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.body()).contains("\"waiting\"");
            assertThat(TopicProbe.readAll(broker.getBrokersAsString(), Topics.DEPLOYMENT_REVIEWS, REGISTRY))
                    .as("recorded before the 202").hasSize(1);
        }

        try (ConfigurableApplicationContext second = start(broker, pem)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> second.getBean(WaitingDeployments.class).isRestored()
                    && second.getBean(GitHubGate.class).waitingCount() == 1);
            awaitAssigned(second);
            EventPublisher publisher = second.getBean(EventPublisher.class);

            publisher.publish(Topics.DECISIONS, "pay", decision("dec-hold-2", GateOutcome.HOLD));
            publisher.publish(Topics.DECISIONS, "pay", decision("dec-go", GateOutcome.GO));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(slack().size()).as("slack notifications (by dedupe key)").isGreaterThanOrEqualTo(2);
                assertThat(statuses().size()).as("commit statuses").isGreaterThanOrEqualTo(2);
                assertThat(wire.findAll(postRequestedFor(urlEqualTo(CALLBACK)))).as("callbacks").isNotEmpty();
            });
            assertThat(slack()).as("HOLD once before the restart, GO after; the repeated HOLD is not news")
                    .satisfiesExactly(hold -> assertThat(hold).contains("HOLD"), go -> assertThat(go).contains(": GO"));
            assertThat(statuses()).hasSize(2);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    TopicProbe.readAll(broker.getBrokersAsString(), Topics.DEPLOYMENT_REVIEWS, REGISTRY).size() == 2);
            wire.verify(1, postRequestedFor(urlEqualTo(CALLBACK))
                    .withRequestBody(containing("\"state\":\"approved\"").or(containing("\"state\": \"approved\""))));
            assertThat(wire.findAll(postRequestedFor(urlEqualTo(CALLBACK)))).as("answered exactly once").hasSize(1);
            assertThat(second.getBean(GitHubGate.class).waitingCount()).isZero();
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String pem) {
        // Arguments, not default properties: they must win over integrations.yml, as the launcher's do.
        return IntegrationsApplication.builder().sources(SharedRegistry.class).run(
                "--server.port=0",
                // The committed groups start at the end of the (empty) topics on their first start; from
                // the beginning here so a decision published while they resolve "the end" is not skipped.
                "--spring.kafka.consumer.auto-offset-reset=earliest",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--greenlight.security.demo-users=true",
                "--greenlight.integrations.subscriptions.allow-http=true",
                "--greenlight.integrations.console-url=http://console.test",
                "--greenlight.integrations.delivery.initial-backoff=10ms",
                "--greenlight.integrations.delivery.max-backoff=50ms",
                "--greenlight.integrations.delivery.request-timeout=30s",
                "--greenlight.integrations.secrets.team-pay-slack.url=" + wire.baseUrl() + "/slack/team-pay",
                "--greenlight.integrations.github.enabled=true",
                "--greenlight.integrations.github.app-id=123",
                "--greenlight.integrations.github.installation-id=42",
                "--greenlight.integrations.github.webhook-secret=" + SECRET,
                "--greenlight.integrations.github.api-url=" + wire.baseUrl() + "/api/v3",
                "--greenlight.integrations.github.private-key=" + pem,
                "--greenlight.integrations.github.repositories.pay=acme/pay",
                "--greenlight.integrations.github.environments.production=live-100");
    }

    private static void awaitAssigned(ConfigurableApplicationContext context) {
        KafkaListenerEndpointRegistry listeners = context.getBean(KafkaListenerEndpointRegistry.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var statuses = listeners.getListenerContainer(GitHubListeners.STATUS_ID).getAssignedPartitions();
            var notifications = listeners.getListenerContainer(NotificationListener.ID).getAssignedPartitions();
            return statuses != null && !statuses.isEmpty() && notifications != null && !notifications.isEmpty();
        });
    }

    /** One body per notification: a retried post (same X-Greenlight-Delivery) is the same notification. */
    private static List<String> slack() {
        Map<String, String> byDedupeKey = new LinkedHashMap<>();
        for (LoggedRequest request : wire.findAll(postRequestedFor(urlEqualTo("/slack/team-pay")))) {
            byDedupeKey.putIfAbsent(request.getHeader("X-Greenlight-Delivery"), request.getBodyAsString());
        }
        return List.copyOf(byDedupeKey.values());
    }

    private static List<LoggedRequest> statuses() {
        return wire.findAll(postRequestedFor(urlEqualTo(STATUSES)));
    }

    private static HttpResponse<String> webhook(ConfigurableApplicationContext context, String body) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/webhooks/github/deployment-protection"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "deployment_protection_rule")
                .header("X-Hub-Signature-256", HmacSha256.header(SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static GateDecided decision(String id, GateOutcome outcome) {
        return GateDecided.newBuilder().setMeta(meta(id)).setTarget("pay").setDecisionId(id).setVersion("2.0.0")
                .setStage("live-100").setOutcome(outcome)
                .setCriteria(List.of(CriterionResult.newBuilder().setName("unit-tests").setKind("check")
                        .setStatus(outcome == GateOutcome.GO ? CriterionStatus.PASS : CriterionStatus.PENDING)
                        .setBlocking(true).setReason("r").build()))
                .setPolicy(PolicyRef.newBuilder().setName("pay-policy").setVersion("1").setContentHash("ab").build())
                .setEvaluatedAt(Instant.parse("2026-12-01T10:00:00Z")).build();
    }

    private static EventMetadata meta(String id) {
        return EventMetadata.newBuilder().setEventId(id).setOccurredAt(Instant.parse("2026-12-01T10:00:00Z"))
                .setPrincipal("ci").build();
    }

    private static String pem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
