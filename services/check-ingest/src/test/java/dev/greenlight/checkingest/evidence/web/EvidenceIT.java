package dev.greenlight.checkingest.evidence.web;

import static dev.greenlight.checkingest.FixedClock.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.checkingest.Api;
import dev.greenlight.checkingest.Api.Answer;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.evidence.testing.PolicyAnnouncements;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Checks and metrics against a real broker: a good request stores exactly the expected events, a
 * bad one (any bad item) stores nothing and names the broken field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.ingest.max-body-size=4KB"})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class EvidenceIT {

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    MeterRegistry meters;
    Api api;

    @BeforeEach
    void registerRelease() {
        api = new Api(port);
        PolicyAnnouncements.announceShipped(brokers, registry);
        // Idempotent: the first test registers, the others get 200 for the identical registration.
        assertThat(api.post("/api/v1/releases", """
                {"target": "ict-qm", "version": "2.1.0", "type": "STRATEGY",
                 "revision": "5114f85c0ffee", "author": "alice"}""", "demo-ci").status()).isIn(200, 201);
    }

    @Test
    void oneCheckIsStoredAsExactlyTheExpectedEventAndARetryCarriesTheSameId() {
        String body = """
                {"target": "ict-qm", "version": "2.1.0", "name": "anti-bias", "status": "PASS",
                 "revision": "5114f85c0ffee", "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:30:00Z",
                 "url": "https://ci.example.com/runs/7", "summary": "no look-ahead", "details": {"trades": 25, "sharpe": 1.2}}""";

        Answer first = api.post("/api/v1/checks", body, "demo-ci");
        Answer retry = api.post("/api/v1/checks", body, "demo-ci");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.body().path("eventIds")).isEqualTo(first.body().path("eventIds"));
        List<CheckReported> stored = values(Topics.CHECKS, "ict-qm").stream()
                .filter(c -> c.getName().equals("anti-bias")).toList();
        assertThat(stored).hasSize(2).extracting(c -> c.getMeta().getEventId()).containsOnly(
                first.body().path("eventIds").get(0).asString());
        CheckReported check = stored.get(0);
        assertThat(check.getStatus()).isEqualTo(CheckStatus.PASS);
        assertThat(check.getVersion()).isEqualTo("2.1.0");
        assertThat(check.getRevision()).isEqualTo("5114f85c0ffee");
        assertThat(check.getStartedAt()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(check.getCompletedAt()).isEqualTo(Instant.parse("2026-11-22T09:30:00Z"));
        assertThat(check.getUrl()).isEqualTo("https://ci.example.com/runs/7");
        assertThat(check.getSummary()).isEqualTo("no look-ahead");
        assertThat(check.getDetails()).isEqualTo(Map.of("trades", 25.0, "sharpe", 1.2));
        assertThat(check.getSource()).isEqualTo("api");
        assertThat(check.getMeta().getPrincipal()).isEqualTo("ci");
    }

    @Test
    void aBatchIsStoredWholeWithTheClientsIdempotencyKeys() {
        Answer answer = api.post("/api/v1/checks", """
                [{"target": "ict-qm", "version": "2.1.0", "name": "lint", "status": "pass", "revision": "5114f85c0ffee",
                  "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:01:00Z", "eventId": "ci-run-1:lint"},
                 {"target": "ict-qm", "version": "2.1.0", "name": "lane:cli", "status": "WARN", "revision": "5114f85c0ffee",
                  "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:02:00Z", "eventId": "ci-run-1:cli"}]""",
                "demo-ci");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("stored").asInt()).isEqualTo(2);
        assertThat(values(Topics.CHECKS, "ict-qm")).extracting(c -> c.getMeta().getEventId())
                .contains("ci-run-1:lint", "ci-run-1:cli");
    }

    @Test
    void oneBadItemRefusesTheWholeBatchNamingItsField() {
        Answer answer = api.post("/api/v1/checks", """
                [{"target": "ict-qm", "version": "2.1.0", "name": "batch-good", "status": "PASS", "revision": "5114f85c0ffee",
                  "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:01:00Z"},
                 {"target": "ict-qm", "version": "2.1.0", "name": "batch-bad", "status": "GREEN", "revision": "5114f85c0ffee",
                  "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:01:00Z"}]""", "demo-ci");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asString()).isEqualTo("items[1].status");
        assertThat(answer.body().path("detail").asString()).contains("PASS, FAIL, WARN, ERROR").contains("GREEN");
        assertThat(values(Topics.CHECKS, "ict-qm")).noneMatch(c -> c.getName().startsWith("batch-"));
    }

    @Test
    void eachClassOfBadCheckIsRefusedNamingTheFieldAndNothingIsStored() {
        assertThat(field(check("\"status\": \"PASS\", \"completedAt\": \"2026-11-22T10:21:00Z\""))).isEqualTo("completedAt");
        assertThat(field(check("\"status\": \"PASS\", \"completedAt\": \"2026-11-22T08:00:00Z\""))).isEqualTo("completedAt");
        assertThat(field(check("\"status\": \"PASS\", \"completedAt\": \"yesterday\""))).isEqualTo("completedAt");
        assertThat(field(check("\"status\": \"PASS\", \"completedAt\": \"2026-11-22T09:30:00Z\", \"details\": {\"trades\": {\"n\": 1}}")))
                .isEqualTo("details.trades");
        assertThat(field(check("\"status\": 3, \"completedAt\": \"2026-11-22T09:30:00Z\""))).isEqualTo("status");
        assertThat(field("""
                {"target": "ict-qm", "version": "v2", "name": "refused", "status": "PASS", "revision": "5114f85c0ffee",
                 "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:01:00Z"}""")).isEqualTo("version");
        assertThat(field("{\"target\": \"ict-qm\", \"version\": ")).isEqualTo("body");
        assertThat(values(Topics.CHECKS, "ict-qm")).noneMatch(c -> c.getName().equals("refused"));
    }

    @Test
    void aCheckForAnUnregisteredReleaseIsNotFoundNamingTheRelease() {
        Answer answer = api.post("/api/v1/checks", """
                {"target": "ict-qm", "version": "9.9.9", "name": "lint", "status": "PASS", "revision": "5114f85c0ffee",
                 "startedAt": "2026-11-22T09:00:00Z", "completedAt": "2026-11-22T09:01:00Z"}""", "demo-ci");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("detail").asString()).contains("ict-qm@9.9.9");
        assertThat(values(Topics.CHECKS, "ict-qm")).noneMatch(c -> c.getVersion().equals("9.9.9"));
    }

    @Test
    void unauthenticatedOutOfScopeAndOversizedRequestsStoreNothing() {
        String body = check("\"status\": \"PASS\", \"completedAt\": \"2026-11-22T09:30:00Z\"");

        assertThat(api.post("/api/v1/checks", body, null).status()).isEqualTo(401);
        Answer forbidden = api.post("/api/v1/checks", body, "demo-alice");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().path("detail").asString()).contains("alice").contains("ict-qm");
        Answer tooLarge = api.post("/api/v1/checks", body.replace("\"refused\"", "\"refused\", \"summary\": \""
                + "x".repeat(5000) + "\""), "demo-ci");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(values(Topics.CHECKS, "ict-qm")).noneMatch(c -> c.getName().equals("refused"));
    }

    @Test
    void metricsAreStoredAsABatchWithOrWithoutAVersion() {
        Answer answer = api.post("/api/v1/metrics", """
                [{"target": "ict-qm", "name": "error_budget_burn_pct", "value": 12.5, "observedAt": "2026-11-22T10:00:00Z"},
                 {"target": "ict-qm", "version": "2.1.0", "name": "policy_entropy", "value": 0.8,
                  "observedAt": "2026-11-22T10:01:00Z", "labels": {"env": "live"}}]""", "demo-ci");

        assertThat(answer.status()).isEqualTo(201);
        List<MetricObserved> stored = values(Topics.METRICS, "ict-qm");
        assertThat(stored).extracting(MetricObserved::getName).containsExactly("error_budget_burn_pct", "policy_entropy");
        assertThat(stored.get(0).getVersion()).isNull();
        assertThat(stored.get(0).getValue()).isEqualTo(12.5);
        assertThat(stored.get(1).getVersion()).isEqualTo("2.1.0");
        assertThat(stored.get(1).getLabels()).isEqualTo(Map.of("env", "live"));
        assertThat(stored.get(1).getObservedAt()).isEqualTo(Instant.parse("2026-11-22T10:01:00Z"));
    }

    /**
     * One-sample metric requests go through check-ingest's lean security chain (EvidenceSecurity):
     * the same bearer authentication and the same refusals as every other endpoint.
     */
    @Test
    void aSingleSampleWithoutAValidTokenOrOutsideTheScopeIsRefusedAndNothingIsStored() {
        String sample = """
                {"target": "lean-chain", "name": "lean_chain_refused", "value": 1, "observedAt": "2026-11-22T10:00:00Z"}""";

        Answer noToken = api.post("/api/v1/metrics", sample, null);
        Answer unknownToken = api.post("/api/v1/metrics", sample, "not-a-token");
        Answer outOfScope = api.post("/api/v1/metrics", sample, "demo-alice");

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body().path("title").asString()).isEqualTo("Authentication required");
        assertThat(unknownToken.status()).isEqualTo(401);
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(outOfScope.body().path("detail").asString()).contains("alice").contains("lean-chain");
        assertThat(values(Topics.METRICS, "lean-chain")).noneMatch(m -> m.getName().equals("lean_chain_refused"));

        Answer accepted = api.post("/api/v1/metrics", sample.replace("lean_chain_refused", "lean_chain_accepted"), "demo-ci");
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(values(Topics.METRICS, "lean-chain")).extracting(MetricObserved::getName).contains("lean_chain_accepted")
                .doesNotContain("lean_chain_refused");
        assertThat(accepted.body().path("eventIds").get(0).asString()).isNotBlank();
    }

    @Test
    void aBadMetricRefusesTheBatch() {
        Answer answer = api.post("/api/v1/metrics", """
                [{"target": "metric-refused", "name": "live_errors_total", "value": 1, "observedAt": "2026-11-22T10:00:00Z"},
                 {"target": "metric-refused", "name": "live_errors_total", "value": "1", "observedAt": "2026-11-22T10:00:00Z"}]""",
                "demo-ci");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asString()).isEqualTo("items[1].value");
        assertThat(values(Topics.METRICS, "metric-refused")).isEmpty();
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointWithBearerAuthentication() {
        tools.jackson.databind.JsonNode docs = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get().uri("/v3/api-docs").retrieve().body(tools.jackson.databind.JsonNode.class);

        assertThat(docs.path("paths").propertyNames()).contains("/api/v1/releases", "/api/v1/checks",
                "/api/v1/metrics", "/webhooks/github", "/webhooks/alertmanager");
        assertThat(docs.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
    }

    /**
     * The evidence endpoints are served by a plain servlet (EvidenceServlet), not Spring MVC, and
     * timed by a plain timer (EvidenceObservation), not a per-request observation; operators still
     * see their rate, latency and status in {@code http.server.requests}, under the endpoint's path
     * as before, refusals by the security chain included.
     */
    @Test
    void evidenceRequestsAreTimedUnderTheirPathWithTheirStatus() {
        String sample = """
                {"target": "timed-target", "name": "timed_total", "value": 1, "observedAt": "2026-11-22T10:00:00Z"}""";
        assertThat(api.post("/api/v1/metrics", sample, "demo-ci").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/metrics", sample.replace("1,", "\"1\","), "demo-ci").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/checks", check("\"status\": \"PASS\""), "demo-ci").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/metrics", sample, null).status()).isEqualTo(401);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(timed("/api/v1/metrics", "201")).isPositive();
            assertThat(timed("/api/v1/metrics", "400")).isPositive();
            assertThat(timed("/api/v1/checks", "400")).isPositive();
            assertThat(timed("/api/v1/metrics", "401")).as("refused by the security chain, still timed").isPositive();
        });
    }

    private long timed(String uri, String status) {
        return meters.find("http.server.requests").tag("uri", uri).tag("status", status).timers().stream()
                .mapToLong(t -> t.count()).sum();
    }

    private String field(String body) {
        Answer answer = api.post("/api/v1/checks", body, "demo-ci");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        return answer.body().path("field").asString();
    }

    private static String check(String fields) {
        return """
                {"target": "ict-qm", "version": "2.1.0", "name": "refused", "revision": "5114f85c0ffee",
                 "startedAt": "2026-11-22T09:00:00Z", %s}""".formatted(fields);
    }

    private <V> List<V> values(Topic<V> topic, String target) {
        return TopicProbe.readAll(brokers, topic, registry).stream()
                .filter(r -> r.key().equals(target))
                .map(ConsumerRecord::value)
                .toList();
    }
}
