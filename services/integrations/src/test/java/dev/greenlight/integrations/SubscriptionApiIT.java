package dev.greenlight.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.evidence.policies.PolicyDirectory;
import dev.greenlight.integrations.subscriptions.kafka.AnnouncedPolicySubscriptions;
import dev.greenlight.policy.parser.PolicyParser;
import dev.greenlight.events.SubscriptionCreated;
import dev.greenlight.events.SubscriptionDeleted;
import dev.greenlight.integrations.common.domain.HmacSha256;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import dev.greenlight.integrations.notifications.kafka.NotificationListener;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions through the public API against a real broker, and a delivery end to end: who may
 * subscribe and unsubscribe, the events on the subscriptions topic (credentials sealed, never in
 * clear), every refused attempt writing nothing — then a hold placed on the holds topic reaches a
 * subscribed webhook (a WireMock receiver) signed with the subscription's secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + IntegrationsApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.integrations.subscriptions.allow-http=true",
        "greenlight.integrations.console-url=http://console.test",
        "greenlight.integrations.delivery.initial-backoff=10ms",
        "greenlight.integrations.delivery.max-backoff=50ms",
        "greenlight.integrations.secrets.declared-slack.url=https://hooks.slack.com/services/T/B/DECLARED"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class SubscriptionApiIT {

    static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    EventPublisher publisher;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    PolicyDirectory policies;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEngineerSubscribesAWebhook_itIsRecordedSealedAndListed_andTheCreatorDeletesIt() {
        Answer created = call(HttpMethod.POST, "/api/v1/subscriptions", "demo-alice", """
                {"target": "payments-*", "kinds": ["decision_changed", "APPROVAL_NEEDED"], "channel": "webhook",
                 "url": "https://hooks.example.com/greenlight/T0KEN-IN-PATH", "secret": "s3cret-s3cret-s3cret"}""");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("subscriptionId").asString();
        SubscriptionCreated event = (SubscriptionCreated) single(recordsOf(id));
        assertThat(event.getTarget()).isEqualTo("payments-*");
        assertThat(event.getKinds()).containsExactly("APPROVAL_NEEDED", "DECISION_CHANGED");
        assertThat(event.getChannel()).isEqualTo("WEBHOOK");
        assertThat(event.getEndpointHost()).isEqualTo("hooks.example.com");
        assertThat(event.getCreatedBy()).isEqualTo("alice");
        assertThat(event.getMeta().getPrincipal()).isEqualTo("alice");
        assertThat(event.toString()).as("credentials are never recorded in clear")
                .doesNotContain("T0KEN-IN-PATH").doesNotContain("s3cret");

        Answer listed = call(HttpMethod.GET, "/api/v1/subscriptions", "demo-frank", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().toString()).contains(id).contains("hooks.example.com")
                .doesNotContain("T0KEN-IN-PATH").doesNotContain("s3cret");

        Answer deleted = call(HttpMethod.DELETE, "/api/v1/subscriptions/" + id, "demo-alice", null);
        assertThat(deleted.status()).isEqualTo(200);
        List<SpecificRecord> trail = recordsOf(id);
        assertThat(trail).hasSize(2);
        assertThat(((SubscriptionDeleted) trail.get(1)).getDeletedBy()).isEqualTo("alice");
        assertThat(call(HttpMethod.GET, "/api/v1/subscriptions", "demo-alice", null).body().toString())
                .doesNotContain(id);
        assertThat(call(HttpMethod.DELETE, "/api/v1/subscriptions/" + id, "demo-alice", null).status()).isEqualTo(404);
    }

    @Test
    void withoutATokenOrASubscribingRoleNothingIsWritten() {
        int before = TopicProbe.readAll(brokers, Topics.SUBSCRIPTIONS, registry).size();
        String body = """
                {"target": "*", "kinds": ["HOLD_PLACED"], "channel": "SLACK", "url": "https://hooks.slack.com/services/T/B/X"}""";

        assertThat(call(HttpMethod.POST, "/api/v1/subscriptions", null, body).status()).isEqualTo(401);
        assertThat(call(HttpMethod.POST, "/api/v1/subscriptions", "demo-nobody", body).status()).isEqualTo(401);
        assertThat(call(HttpMethod.GET, "/api/v1/subscriptions", null, null).status()).isEqualTo(401);
        assertThat(call(HttpMethod.POST, "/api/v1/subscriptions", "demo-ci", body).status()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/api/v1/subscriptions", "demo-frank", body).status()).isEqualTo(403);

        assertThat(TopicProbe.readAll(brokers, Topics.SUBSCRIPTIONS, registry)).hasSize(before);
    }

    @Test
    void deletingSomebodyElsesSubscriptionIsRefusedAndWritesNothing_theAuthorityRoleMayDeleteIt() {
        String id = call(HttpMethod.POST, "/api/v1/subscriptions", "demo-erin", """
                {"target": "svc-a", "kinds": ["GUARD_TRIPPED"], "channel": "TEAMS",
                 "url": "https://example.webhook.office.com/workflows/abc"}""").body().path("subscriptionId").asString();

        Answer alice = call(HttpMethod.DELETE, "/api/v1/subscriptions/" + id, "demo-alice", null);

        assertThat(alice.status()).isEqualTo(403);
        assertThat(alice.body().path("detail").asString()).contains("only its creator erin");
        assertThat(recordsOf(id)).hasSize(1);
        assertThat(call(HttpMethod.DELETE, "/api/v1/subscriptions/" + id, "demo-dave", null).status()).isEqualTo(200);
        assertThat(recordsOf(id)).hasSize(2);
    }

    @Test
    void badFieldsAndOversizedBodiesAreRefusedNamingTheFieldAndWriteNothing() {
        int before = TopicProbe.readAll(brokers, Topics.SUBSCRIPTIONS, registry).size();
        assertThat(field("""
                {"target": "Payments-*", "kinds": ["HOLD_PLACED"], "channel": "SLACK", "url": "https://h.example/x"}"""))
                .isEqualTo("target");
        assertThat(field("""
                {"target": "svc", "kinds": [], "channel": "SLACK", "url": "https://h.example/x"}""")).isEqualTo("kinds");
        assertThat(field("""
                {"target": "svc", "kinds": ["EVERYTHING"], "channel": "SLACK", "url": "https://h.example/x"}"""))
                .isEqualTo("kinds");
        assertThat(field("""
                {"target": "svc", "kinds": ["HOLD_PLACED"], "channel": "EMAIL", "url": "https://h.example/x"}"""))
                .isEqualTo("channel");
        assertThat(field("""
                {"target": "svc", "kinds": ["HOLD_PLACED"], "channel": "SLACK", "url": "ftp://h.example/x"}"""))
                .isEqualTo("url");
        assertThat(field("""
                {"target": "svc", "kinds": ["HOLD_PLACED"], "channel": "WEBHOOK", "url": "https://h.example/x"}"""))
                .isEqualTo("secret");
        assertThat(field("""
                {"target": "svc", "kinds": ["HOLD_PLACED"], "channel": "SLACK", "url": "https://h.example/x",
                 "secret": "not-for-slack-channels"}""")).isEqualTo("secret");
        assertThat(call(HttpMethod.POST, "/api/v1/subscriptions", "demo-alice",
                "{\"target\": \"svc\", \"kinds\": [\"HOLD_PLACED\"], \"channel\": \"SLACK\", \"url\": \"https://h/"
                        + "x".repeat(200_000) + "\"}").status()).isEqualTo(413);

        assertThat(TopicProbe.readAll(brokers, Topics.SUBSCRIPTIONS, registry)).hasSize(before);
    }

    @Test
    void aHoldOnAPatternReachesASubscribedWebhookSignedWithItsSecret_aFailingEndpointIsRetriedThenCountedAsFailed() {
        receiver.stubFor(post(urlEqualTo("/hooks/ok")).willReturn(aResponse().withStatus(204)));
        receiver.stubFor(post(urlEqualTo("/hooks/down")).willReturn(aResponse().withStatus(503)));
        String secret = "webhook-secret-0123456789";
        String ok = call(HttpMethod.POST, "/api/v1/subscriptions", "demo-erin",
                "{\"target\": \"shop-eu\", \"kinds\": [\"HOLD_PLACED\"], \"channel\": \"WEBHOOK\", \"url\": \""
                        + receiver.baseUrl() + "/hooks/ok\", \"secret\": \"" + secret + "\"}")
                .body().path("subscriptionId").asString();
        call(HttpMethod.POST, "/api/v1/subscriptions", "demo-erin",
                "{\"target\": \"shop-*\", \"kinds\": [\"HOLD_PLACED\"], \"channel\": \"WEBHOOK\", \"url\": \""
                        + receiver.baseUrl() + "/hooks/down\", \"secret\": \"" + secret + "\"}");
        call(HttpMethod.POST, "/api/v1/subscriptions", "demo-erin",
                "{\"target\": \"other-*\", \"kinds\": [\"HOLD_PLACED\"], \"channel\": \"WEBHOOK\", \"url\": \""
                        + receiver.baseUrl() + "/hooks/other\", \"secret\": \"" + secret + "\"}");

        // The delivery group starts at the end of each topic (a new deployment does not replay history).
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var assigned = listeners.getListenerContainer(NotificationListener.ID).getAssignedPartitions();
            return assigned != null && assigned.size() == 11;
        });
        publisher.publish(Topics.HOLDS, "shop-*", HoldPlaced.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId("hold-event-1")
                        .setOccurredAt(Instant.parse("2026-12-01T10:00:00Z")).setPrincipal("erin").build())
                .setTarget("shop-*").setHoldId("h1").setName("incident-42").setReason("checkout errors")
                .setPlacedBy("erin").build());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/ok")))).isNotEmpty();
            assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/down")))).hasSize(4);
        });
        // At least once: on a loaded machine an answer can come after the client gave up, and the delivery
        // is sent again; every copy is the same delivery (one dedupe key, one body), so a receiver drops repeats.
        List<LoggedRequest> copies = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/ok")));
        assertThat(copies).extracting(copy -> copy.getHeader("X-Greenlight-Delivery")).containsOnly(
                copies.get(0).getHeader("X-Greenlight-Delivery"));
        assertThat(copies).extracting(LoggedRequest::getBodyAsString).containsOnly(copies.get(0).getBodyAsString());
        LoggedRequest request = copies.get(0);
        String body = request.getBodyAsString();
        assertThat(request.getHeader("X-Greenlight-Signature-256"))
                .isEqualTo(HmacSha256.header(secret, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("X-Greenlight-Event")).isEqualTo("HOLD_PLACED");
        String dedupe = request.getHeader("X-Greenlight-Delivery");
        assertThat(dedupe).hasSize(32);
        receiver.verify(postRequestedFor(urlEqualTo("/hooks/ok")).withRequestBody(equalToJson("""
                {"id": "%s", "kind": "HOLD_PLACED", "subscriptionId": "%s", "target": "shop-*", "version": null,
                 "stage": null, "title": "Hold incident-42 placed on shop-*", "text": "checkout errors",
                 "facts": {"Placed by": "erin"}, "occurredAt": "2026-12-01T10:00:00Z",
                 "url": "http://console.test/releases?target=shop-*"}""".formatted(dedupe, ok)))
                .withHeader("Content-Type", equalTo("application/json")));
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/other")))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.counter("greenlight.notifications.failed", "channel", "WEBHOOK", "kind", "HOLD_PLACED")
                    .count()).isEqualTo(1.0);
            assertThat(meters.counter("greenlight.notifications.retried", "channel", "WEBHOOK", "kind", "HOLD_PLACED")
                    .count()).isEqualTo(3.0);
            assertThat(meters.counter("greenlight.notifications.delivered", "channel", "WEBHOOK", "kind",
                    "HOLD_PLACED").count()).isEqualTo(1.0);
        });
        Answer failures = call(HttpMethod.GET, "/api/v1/deliveries/failures", "demo-bob", null);
        assertThat(failures.status()).isEqualTo(200);
        assertThat(failures.body().get(0).path("host").asString()).isEqualTo("localhost");
        assertThat(failures.body().get(0).path("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(failures.body().toString()).doesNotContain("/hooks/down").doesNotContain(secret);
        assertThat(call(HttpMethod.GET, "/api/v1/deliveries/failures", null, null).status()).isEqualTo(401);
    }

    @Test
    void subscriptionsAPolicyDeclaresAreListedAsFromThePolicy_deletingOneIsRefusedNamingIt_anUnresolvedSecretIsCounted() {
        String policy = """
                name: declared-notify
                version: "2"
                governs:
                  targets: [declared-*]
                stages:
                  - name: live
                    traffic: 100
                notify:
                  - name: team-d
                    events: [decision-changed]
                    channel: slack
                    secretRef: declared-slack
                  - name: forgotten
                    events: [decision-changed]
                    channel: slack
                    secretRef: nobody-configured-this
                """;
        String hash = new PolicyParser().parse("declared-notify.yaml", policy).contentHash();
        publisher.publish(Topics.POLICIES, "declared-notify", PolicyActivated.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId("policy-declared-notify-2")
                        .setOccurredAt(Instant.parse("2026-12-01T10:00:00Z")).setPrincipal("gate-evaluator").build())
                .setTarget("declared-notify").setName("declared-notify").setVersion("2").setContentHash(hash)
                .setContent(policy).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> policies.current().byName("declared-notify").isPresent());

        JsonNode listed = call(HttpMethod.GET, "/api/v1/subscriptions", "demo-frank", null).body();
        List<JsonNode> declared = new java.util.ArrayList<>();
        listed.forEach(each -> {
            if ("policy/declared-notify/team-d".equals(each.path("subscriptionId").asString())) {
                declared.add(each);
            }
        });
        assertThat(declared).singleElement().satisfies(each -> {
            assertThat(each.path("source").asString()).isEqualTo("policy");
            assertThat(each.path("policy").asString()).isEqualTo("declared-notify@" + hash);
            assertThat(each.path("target").asString()).isEqualTo("declared-*");
            assertThat(each.path("endpointHost").asString()).isEqualTo("hooks.slack.com");
        });
        assertThat(listed.toString()).as("the declared rule's URL is a credential").doesNotContain("DECLARED")
                .as("a rule whose secret is not configured is not a subscription").doesNotContain("forgotten");
        assertThat(listed).allSatisfy(each -> assertThat(each.path("source").asString()).isIn("runtime", "policy"));

        int before = TopicProbe.readAll(brokers, Topics.SUBSCRIPTIONS, registry).size();
        for (String user : List.of("demo-dave", "demo-erin")) { // the authority role, and a subscribing engineer
            Answer refused = call(HttpMethod.DELETE, "/api/v1/subscriptions/policy/declared-notify/team-d", user, null);
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
            assertThat(refused.body().path("detail").asString())
                    .contains("comes from policy declared-notify@" + hash);
        }
        assertThat(call(HttpMethod.DELETE, "/api/v1/subscriptions/policy/declared-notify/team-d", null, null).status())
                .isEqualTo(401);
        assertThat(TopicProbe.readAll(brokers, Topics.SUBSCRIPTIONS, registry)).as("nothing written").hasSize(before);
        assertThat(call(HttpMethod.GET, "/api/v1/subscriptions", "demo-frank", null).body().toString())
                .contains("policy/declared-notify/team-d");

        assertThat(meters.get(AnnouncedPolicySubscriptions.UNRESOLVED_METER).gauge().value())
                .as("the rule whose secretRef is not configured").isEqualTo(1.0);
    }

    private String field(String body) {
        Answer answer = call(HttpMethod.POST, "/api/v1/subscriptions", "demo-alice", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        return answer.body().path("field").asString();
    }

    private List<SpecificRecord> recordsOf(String id) {
        return TopicProbe.readAll(brokers, Topics.SUBSCRIPTIONS, registry).stream()
                .filter(r -> r.key().equals(id)).map(r -> r.value()).toList();
    }

    private static SpecificRecord single(List<SpecificRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private Answer call(HttpMethod method, String path, String token, String body) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(method).uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                });
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            return new Answer(response.getStatusCode().value(),
                    bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes));
        });
    }

    record Answer(int status, JsonNode body) {
    }
}
