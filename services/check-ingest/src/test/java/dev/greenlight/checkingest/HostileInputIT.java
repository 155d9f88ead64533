package dev.greenlight.checkingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.evidence.testing.PolicyAnnouncements;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.HostileInput;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Fault suite, hostile HTTP input: every endpoint of check-ingest, called by the CI publisher (and
 * GitHub with a valid signature, Alertmanager with its token) with the shared corpus of malformed,
 * oversized, mistyped and unicode-tricked requests — each refused with a 4xx naming the field, none
 * a 5xx, and nothing written to any topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=check-ingest",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true",
        "greenlight.ingest.max-body-size=64KB",
        "greenlight.github.webhook-secret=" + HostileInputIT.SECRET})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, FixedClock.class})
class HostileInputIT {

    static final String SECRET = "hostile-input-secret";

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    ApplicationContext context;
    @Autowired
    SchemaRegistryClient registry;

    @Test
    void everyEndpointRefusesTheHostileCorpusWithA4xxAndWritesNothing() {
        PolicyAnnouncements.announceShipped(brokers, registry);
        int sent = HostileInput.against(context, port, "demo-ci", brokers)
                .endpoint("POST /api/v1/releases", e -> e.json("""
                        {"target": "ict-qm", "version": "2.1.0", "type": "STRATEGY", "revision": "5114f85c0ffee",
                         "author": "alice", "changelog": "faster fills", "previousVersion": "2.0.0"}""")
                        .identifiers("target", "version", "type", "revision")
                        // A person's name in any script; Identity refuses hidden characters in it.
                        .required("author"))
                .endpoint("POST /api/v1/checks", e -> e.json("""
                        {"target": "ict-qm", "version": "2.1.0", "name": "lint", "status": "PASS",
                         "revision": "5114f85c0ffee", "startedAt": "2026-11-22T09:00:00Z",
                         "completedAt": "2026-11-22T09:01:00Z"}""")
                        .identifiers("target", "version", "name", "status").required("completedAt"))
                .endpoint("POST /api/v1/metrics", e -> e.json("""
                        {"target": "ict-qm", "name": "live_errors_total", "value": 1,
                         "observedAt": "2026-11-22T10:00:00Z", "labels": {"note": "x"}}""")
                        .identifiers("target", "name").required("value", "observedAt"))
                .endpoint("POST /webhooks/github", e -> e.unauthenticated()
                        .headers("X-GitHub-Event: check_run\r\nX-GitHub-Delivery: hostile-1\r\n")
                        .signedBy(body -> "X-Hub-Signature-256: " + signature(body) + "\r\n")
                        .json("""
                        {"action": "completed", "check_run": {"name": "lint", "head_sha": "5114f85c0ffee",
                         "status": "completed", "conclusion": "success"}}"""))
                .endpoint("POST /webhooks/alertmanager", e -> e.token("demo-alertmanager").json("""
                        {"receiver": "greenlight", "status": "firing", "version": "4", "groupKey": "g",
                         "truncatedAlerts": 0, "alerts": [{"status": "firing",
                         "labels": {"alertname": "ErrorBudgetBurn", "service": "ict-qm", "severity": "page"},
                         "startsAt": "2026-11-22T10:01:00Z", "fingerprint": "c0ffee1234567890"}]}""")
                        .required("version", "alerts")
                        .ignored("receiver", "status", "groupKey", "truncatedAlerts"))
                .sweep();

        assertThat(sent).isGreaterThan(300);
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
}
