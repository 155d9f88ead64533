package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.testing.HostileInput;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Fault suite, hostile HTTP input: every endpoint of the approval service, called by people whose
 * roles allow the call, with the shared corpus of malformed, oversized, mistyped and unicode-tricked
 * requests — each refused with a 4xx naming the field, none a 5xx, and nothing written to any topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ApprovalApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.security.demo-users=true"})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, HostileInputIT.Fixtures.class})
class HostileInputIT {

    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Fixtures {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointRefusesTheHostileCorpusWithA4xxAndWritesNothing() {
        int sent = HostileInput.against(context, port, "demo-dave", brokers)
                .endpoint("POST /api/v1/approvals", e -> e.token("demo-bob").json("""
                        {"target": "payments", "version": "2.1.0", "role": "auditor", "verdict": "APPROVE",
                         "comment": "AUD-1", "expiresAt": "2026-12-22T10:00:00Z"}""")
                        .identifiers("target", "version", "role", "verdict"))
                .endpoint("DELETE /api/v1/approvals/{approvalId}", e -> e.token("demo-bob"))
                .endpoint("POST /api/v1/waivers", e -> e.json("""
                        {"target": "payments", "version": "2.1.0", "criterion": "paper-trading", "role": "founder",
                         "rationale": "hotfix", "expiresAt": "2026-12-22T10:00:00Z"}""")
                        .identifiers("target", "version", "criterion").required("rationale"))
                .endpoint("DELETE /api/v1/waivers/{waiverId}", e -> e)
                .endpoint("POST /api/v1/kill-switch", e -> e.token("demo-erin").json("""
                        {"target": "payments", "action": "ACTIVATE", "reason": "page alert"}""")
                        .identifiers("target", "action").required("reason"))
                .endpoint("POST /api/v1/acks", e -> e.token("demo-erin").json("""
                        {"target": "payments", "version": "2.1.0", "windowStart": "2026-11-22T11:00:00Z",
                         "windowEnd": "2026-11-22T14:00:00Z"}""")
                        .identifiers("target").required("windowStart", "windowEnd"))
                .endpoint("GET /api/v1/freezes", e -> e)
                .endpoint("POST /api/v1/freezes", e -> e.json("""
                        {"name": "year-end", "target": "payments-*", "reason": "year end",
                         "from": "2026-12-20T00:00:00Z", "to": "2026-12-27T00:00:00Z",
                         "override": {"roles": ["founder"], "releaseTypes": ["HOTFIX"]}}""")
                        .identifiers("name", "target").required("reason", "from", "to"))
                .endpoint("DELETE /api/v1/freezes/{freezeId}", e -> e)
                .endpoint("GET /api/v1/holds", e -> e)
                .endpoint("POST /api/v1/holds", e -> e.token("demo-erin").json("""
                        {"name": "incident-4711", "target": "payments-*", "reason": "card auth errors"}""")
                        .identifiers("name", "target").required("reason"))
                .endpoint("DELETE /api/v1/holds/{holdId}", e -> e.token("demo-erin"))
                .sweep();

        assertThat(sent).isGreaterThan(500);
    }
}
