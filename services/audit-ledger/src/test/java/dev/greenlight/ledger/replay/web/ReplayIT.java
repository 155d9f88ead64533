package dev.greenlight.ledger.replay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.ledger.replay.application.ReplayFixture;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replay against a real ledger: a decision the real engine computed, published with its evidence and
 * policy document, is reproduced from what the ledger recorded; a doctored copy published later is
 * named as a mismatch. The doctored run is last because it makes the ledger's replay fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.checkpoint.every=1s",
        "greenlight.ledger.poll-timeout=200ms"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayIT extends LedgerServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LEDGER_CATCH_UP = Duration.ofSeconds(90);

    private JsonNode replay() {
        String body = RestClient.builder().baseUrl(ledgerUrl())
                .defaultHeaders(h -> h.setBearerAuth("demo-bob")).build()
                .get().uri("/replay").retrieve().body(String.class);
        return JSON.readTree(body);
    }

    @Test
    @Order(1)
    void aDecisionComputedByTheEngineIsReproducedFromTheLedger() {
        publisher.publish(Topics.POLICIES, ReplayFixture.policyActivated().getTarget(),
                ReplayFixture.policyActivated());
        publisher.publish(Topics.RELEASES, ReplayFixture.TARGET, ReplayFixture.release());
        publisher.publish(Topics.CHECKS, ReplayFixture.TARGET, ReplayFixture.securityScan());
        publisher.publish(Topics.DECISIONS, ReplayFixture.TARGET, ReplayFixture.honestDecision());

        await().atMost(LEDGER_CATCH_UP).until(() -> replay().get("replayed").asInt() == 1);

        JsonNode report = replay();
        assertThat(report.get("reproduced").asInt()).isEqualTo(1);
        assertThat(report.get("mismatched").asInt()).isZero();
        assertThat(report.get("unreplayable").asInt()).isZero();
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("results").get(0).get("release").asString())
                .isEqualTo(ReplayFixture.TARGET + "@" + ReplayFixture.VERSION);
    }

    @Test
    @Order(2)
    void aDoctoredDecisionIsNamedAsAMismatch() {
        GateDecided honest = ReplayFixture.honestDecision();
        GateOutcome flipped = honest.getOutcome() == GateOutcome.GO ? GateOutcome.NO_GO : GateOutcome.GO;
        publisher.publish(Topics.DECISIONS, ReplayFixture.TARGET,
                GateDecided.newBuilder(honest).setOutcome(flipped).build());

        await().atMost(LEDGER_CATCH_UP).until(() -> replay().get("replayed").asInt() == 2);

        JsonNode report = replay();
        assertThat(report.get("reproduced").asInt()).isEqualTo(1);
        assertThat(report.get("mismatched").asInt()).isEqualTo(1);
        assertThat(report.get("ok").asBoolean()).isFalse();
        JsonNode mismatch = null;
        for (JsonNode result : report.get("results")) {
            if (result.get("status").asString().equals("MISMATCH")) {
                mismatch = result;
            }
        }
        assertThat(mismatch).isNotNull();
        assertThat(mismatch.get("decisionId").asString()).isEqualTo(honest.getDecisionId());
        assertThat(mismatch.get("outcome").asString()).isEqualTo(flipped.name());
        assertThat(mismatch.get("detail").asString())
                .contains("outcome: recorded " + flipped + ", replayed " + honest.getOutcome());
    }
}
