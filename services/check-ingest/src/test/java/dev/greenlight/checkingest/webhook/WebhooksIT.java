package dev.greenlight.checkingest.webhook;

import static dev.greenlight.checkingest.FixedClock.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.checkingest.FixedClock;
import dev.greenlight.checkingest.Api;
import dev.greenlight.checkingest.Api.Answer;
import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.evidence.testing.PolicyAnnouncements;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.avro.specific.SpecificRecord;
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
 * GitHub and Alertmanager deliveries built from their documented payload formats, against a real
 * broker: what they become on the topics, and that forged or unauthenticated ones become nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.github.webhook-secret=" + WebhooksIT.SECRET})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class WebhooksIT {

    static final String SECRET = "It's a Secret to Everybody";
    static final String SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";
    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    SchemaRegistryClient registry;
    Api api;

    @BeforeEach
    void registerReleaseBuiltFromTheFixturesCommit() {
        api = new Api(port);
        PolicyAnnouncements.announceShipped(brokers, registry);
        // Registered with the abbreviated commit id; GitHub reports the full one.
        assertThat(api.post("/api/v1/releases", """
                {"target": "ict-qm", "version": "2.1.0", "type": "STRATEGY", "revision": "d6fde92",
                 "author": "alice"}""", "demo-ci").status()).isIn(200, 201);
    }

    @Test
    void aCompletedCheckRunBecomesACheckResultOfTheReleaseBuiltFromItsCommit() throws IOException {
        Answer answer = github("check_run", "72d3162e-cc78-11e3-81ab-4c9367dc0958", fixture("github-check_run-completed.json"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(checks()).filteredOn(c -> c.getName().equals("unit-tests")).singleElement().satisfies(check -> {
            assertThat(check.getMeta().getEventId()).isEqualTo("github:72d3162e-cc78-11e3-81ab-4c9367dc0958");
            assertThat(check.getMeta().getPrincipal()).isEqualTo("github");
            assertThat(check.getVersion()).isEqualTo("2.1.0");
            assertThat(check.getStatus()).isEqualTo(CheckStatus.PASS);
            assertThat(check.getRevision()).isEqualTo(SHA);
            assertThat(check.getStartedAt()).isEqualTo(Instant.parse("2026-11-22T09:40:06Z"));
            assertThat(check.getCompletedAt()).isEqualTo(Instant.parse("2026-11-22T09:52:48Z"));
            assertThat(check.getUrl()).isEqualTo("https://github.com/greenlight-demo/ict-qm/runs/128620228");
            assertThat(check.getSummary()).isEqualTo("412 tests passed");
            assertThat(check.getSource()).isEqualTo("github");
        });
    }

    @Test
    void aFailedWorkflowRunBecomesAFailedCheck() throws IOException {
        Answer answer = github("workflow_run", "a1b2c3d4-0000-11e3-81ab-4c9367dc0958",
                fixture("github-workflow_run-completed.json"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(checks()).filteredOn(c -> c.getName().equals("build")).singleElement().satisfies(check -> {
            assertThat(check.getStatus()).isEqualTo(CheckStatus.FAIL);
            assertThat(check.getStartedAt()).isEqualTo(Instant.parse("2026-11-22T09:30:01Z"));
            assertThat(check.getCompletedAt()).isEqualTo(Instant.parse("2026-11-22T09:41:12Z"));
            assertThat(check.getUrl()).isEqualTo("https://github.com/greenlight-demo/ict-qm/actions/runs/30433642");
        });
    }

    @Test
    void aForgedOrUnsignedDeliveryIsRefusedAndStoresNothing() throws IOException {
        byte[] body = fixture("github-check_run-completed.json");
        String forged = new String(body, StandardCharsets.UTF_8).replace("\"success\"", "\"failure\"")
                .replace("Unit Tests", "Forged Tests");

        Answer wrong = api.post("/webhooks/github", forged.getBytes(StandardCharsets.UTF_8), null, Map.of(
                "X-GitHub-Event", "check_run", "X-GitHub-Delivery", "forged-1", "X-Hub-Signature-256", signature(body)));
        Answer unsigned = api.post("/webhooks/github", body, null, Map.of(
                "X-GitHub-Event", "check_run", "X-GitHub-Delivery", "forged-2"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().toString()).doesNotContain(SECRET);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(checks()).noneMatch(c -> c.getMeta().getEventId().startsWith("github:forged"));
    }

    @Test
    void otherEventsAndUnknownCommitsAreAcknowledgedAndIgnoredWithAReason() throws IOException {
        Answer ping = github("ping", "ping-1", fixture("github-ping.json"));
        Answer unknownCommit = github("check_run", "other-commit-1", new String(fixture("github-check_run-completed.json"),
                StandardCharsets.UTF_8).replace(SHA, "0123456789abcdef0123456789abcdef01234567").getBytes(StandardCharsets.UTF_8));
        Answer created = github("check_run", "created-1", new String(fixture("github-check_run-completed.json"),
                StandardCharsets.UTF_8).replace("\"action\": \"completed\"", "\"action\": \"created\"").getBytes(StandardCharsets.UTF_8));

        assertThat(ping.status()).isEqualTo(202);
        assertThat(ping.body().path("ignored").asString()).contains("ping");
        assertThat(unknownCommit.status()).isEqualTo(202);
        assertThat(unknownCommit.body().path("ignored").asString()).contains("0123456789abcdef");
        assertThat(created.body().path("ignored").asString()).contains("created");
        assertThat(checks()).noneMatch(c -> c.getMeta().getEventId().matches("github:(ping|other-commit|created).*"));
    }

    @Test
    void anAlertmanagerNotificationBecomesOneEventPerAlertAndNamesTheAlertsItSkipped() throws IOException {
        Answer answer = api.post("/webhooks/alertmanager", fixture("alertmanager-v4.json"), "demo-alertmanager",
                Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("skipped").toString()).contains("dead00beef00cafe").contains("service");
        List<SpecificRecord> alerts = values(Topics.ALERTS, "ict-qm");
        assertThat(alerts).hasSize(2);
        AlertFired fired = (AlertFired) alerts.stream().filter(AlertFired.class::isInstance).findFirst().orElseThrow();
        assertThat(fired.getFingerprint()).isEqualTo("c0ffee1234567890");
        assertThat(fired.getAlertName()).isEqualTo("ErrorBudgetBurn");
        assertThat(fired.getSeverity()).isEqualTo(AlertSeverity.PAGE);
        assertThat(fired.getStartsAt()).isEqualTo(Instant.parse("2026-11-22T10:01:00.123Z"));
        assertThat(fired.getEndsAt()).isNull();
        assertThat(fired.getLabels()).containsEntry("env", "live");
        assertThat(fired.getAnnotations()).containsEntry("runbook_url", "https://runbooks.example.com/error-budget");
        assertThat(fired.getMeta().getEventId()).isEqualTo("c0ffee1234567890:firing:2026-11-22T10:01:00.123Z");
        AlertResolved resolved = (AlertResolved) alerts.stream().filter(AlertResolved.class::isInstance).findFirst()
                .orElseThrow();
        assertThat(resolved.getFingerprint()).isEqualTo("beef000011112222");
        assertThat(resolved.getSeverity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(resolved.getEndsAt()).isEqualTo(Instant.parse("2026-11-22T09:25:00Z"));
    }

    @Test
    void alertmanagerNeedsABearerTokenAndTheRightPayloadVersion() throws IOException {
        String body = new String(fixture("alertmanager-v4.json"), StandardCharsets.UTF_8).replace("ict-qm", "am-refused");

        assertThat(api.post("/webhooks/alertmanager", body, null).status()).isEqualTo(401);
        assertThat(api.post("/webhooks/alertmanager", body, "demo-alice").status()).isEqualTo(403);
        Answer wrongVersion = api.post("/webhooks/alertmanager", body.replace("\"version\": \"4\"", "\"version\": \"3\""),
                "demo-alertmanager");
        assertThat(wrongVersion.status()).isEqualTo(400);
        assertThat(wrongVersion.body().path("field").asString()).isEqualTo("version");
        assertThat(values(Topics.ALERTS, "am-refused")).isEmpty();
    }

    @Test
    void aCiPublisherTokenCannotFireOrResolveAlerts_403AndNothingOnTheAlertsTopic() throws IOException {
        String firing = new String(fixture("alertmanager-v4.json"), StandardCharsets.UTF_8).replace("ict-qm", "am-forged");
        String resolving = firing.replace("\"status\": \"firing\"", "\"status\": \"resolved\"");

        Answer fire = api.post("/webhooks/alertmanager", firing, "demo-ci");
        Answer resolve = api.post("/webhooks/alertmanager", resolving, "demo-ci");

        assertThat(fire.status()).isEqualTo(403);
        assertThat(fire.body().path("detail").asString()).contains("role 'alertmanager'");
        assertThat(resolve.status()).isEqualTo(403);
        // The integration principal's delivery of the same payload is stored: the refusal was the caller.
        assertThat(api.post("/webhooks/alertmanager", firing.replace("am-forged", "am-genuine"), "demo-alertmanager")
                .status()).isEqualTo(200);
        assertThat(values(Topics.ALERTS, "am-genuine")).isNotEmpty();
        assertThat(values(Topics.ALERTS, "am-forged")).isEmpty();
    }

    private Answer github(String event, String delivery, byte[] body) {
        return api.post("/webhooks/github", body, null, Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", delivery,
                "X-Hub-Signature-256", signature(body)));
    }

    private static String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = WebhooksIT.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    private List<CheckReported> checks() {
        return values(Topics.CHECKS, "ict-qm");
    }

    private <V> List<V> values(Topic<V> topic, String target) {
        return TopicProbe.readAll(brokers, topic, registry).stream()
                .filter(r -> r.key().equals(target))
                .map(ConsumerRecord::value)
                .toList();
    }
}
