package dev.greenlight.ledger.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence endpoint against a real ledger: a release's registration, check and rollback, once
 * recorded and checkpointed, come back as a bundle citing their entries under that checkpoint, as
 * JSON or Markdown; an unknown release is a 404 naming it; an anonymous caller gets nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.checkpoint.every=1s",
        "greenlight.ledger.poll-timeout=200ms"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class EvidenceIT extends LedgerServiceTestBase {

    private static final String TARGET = "trade-nexus";
    private static final String VERSION = "5.0.0";
    private static final String PATH = "/releases/" + TARGET + "/" + VERSION + "/evidence";
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponseEntity<String> get(String uri, String accept) {
        return api("demo-bob").get().uri(uri).header("Accept", accept).retrieve().toEntity(String.class);
    }

    @BeforeEach
    void releaseRecordedAndCheckpointed() {
        if (get(PATH, "application/json").getStatusCode().is2xxSuccessful()) {
            return;
        }
        publisher.publish(Topics.RELEASES, TARGET, ReleaseRegistered.newBuilder().setMeta(meta("rel-1"))
                .setTarget(TARGET).setVersion(VERSION).setReleaseType(ReleaseType.STRATEGY).setRevision("9f1c2ab")
                .setAuthor("alice").setChangelog(null).setPolicy(null).build());
        publisher.publish(Topics.CHECKS, TARGET, CheckReported.newBuilder().setMeta(meta("chk-1")).setTarget(TARGET)
                .setVersion(VERSION).setName("contract-governance").setStatus(CheckStatus.PASS).setRevision("9f1c2ab")
                .setStartedAt(T.minusSeconds(60)).setCompletedAt(T).setUrl("https://ci.example/runs/4711")
                .setSummary("contract tests pass").setDetails(Map.of()).setSource("ci").build());
        publisher.publish(Topics.ROLLOUTS, TARGET, RollbackTriggered.newBuilder().setMeta(meta("rb-1"))
                .setTarget(TARGET).setVersion(VERSION).setStage("production").setAction(GuardAction.ROLLBACK)
                .setGuard("slo-breach").setObserved("PAGE SloBreach").setThreshold(null)
                .setReason("Scenario B: reliability/SLO breach -> rollback.sh").setEvidenceIds(List.of())
                .setRestoredVersion("4.9.0").build());
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            ResponseEntity<String> answer = get(PATH, "application/json");
            return answer.getStatusCode().is2xxSuccessful()
                    && JSON.readTree(answer.getBody()).path("gate5").path("rollbacks").size() == 1
                    && JSON.readTree(answer.getBody()).path("basis").path("treeSize").asLong() >= 3;
        });
    }

    private static EventMetadata meta(String id) {
        return new EventMetadata(id, T, "ci");
    }

    @Test
    void theJsonBundleCitesEachFactsEntryUnderTheCheckpoint() {
        JsonNode bundle = JSON.readTree(get(PATH, "application/json").getBody());

        assertThat(bundle.path("release").asString()).isEqualTo(TARGET + "@" + VERSION);
        assertThat(bundle.path("facts").path("revision").asString()).isEqualTo("9f1c2ab");
        assertThat(bundle.path("facts").path("registeredAt").asString()).isEqualTo("2026-03-01T12:00:00Z");
        JsonNode check = bundle.path("gate5").path("checks").get(0);
        assertThat(check.path("url").asString()).isEqualTo("https://ci.example/runs/4711");
        assertThat(check.path("source").path("eventId").asString()).isEqualTo("chk-1");
        assertThat(check.path("source").path("checkpointed").asBoolean()).isTrue();
        assertThat(bundle.path("gate5").path("rollbacks").get(0).path("reason").asString())
                .contains("SLO breach");
        assertThat(bundle.path("basis").path("rootHash").asString()).hasSize(64);

        JsonNode entry = JSON.readTree(api("demo-bob").get()
                .uri("/proof/inclusion?partition={p}&sequence={s}", check.path("source").path("ledgerPartition").asInt(),
                        check.path("source").path("sequence").asLong())
                .retrieve().body(String.class));
        assertThat(entry.path("treeSize").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void markdownIsServedForAnAcceptHeaderOrAFormatParameter() {
        ResponseEntity<String> byHeader = get(PATH, "text/markdown");
        ResponseEntity<String> byParameter = get(PATH + "?format=markdown", "*/*");

        assertThat(byHeader.getHeaders().getContentType().toString()).startsWith("text/markdown");
        assertThat(byHeader.getBody()).startsWith("# Release evidence: " + TARGET + "@" + VERSION)
                .contains("https://ci.example/runs/4711", "slo-breach");
        assertThat(byParameter.getBody()).startsWith("# Release evidence: ");
    }

    @Test
    void anUnknownReleaseIsNotFoundByName() {
        ResponseEntity<String> answer = get("/releases/" + TARGET + "/0.0.1/evidence", "application/json");

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).contains(TARGET + "@0.0.1");
    }

    @Test
    void anAnonymousCallerIsRefused() {
        assertThat(api(null).get().uri(PATH).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
    }
}
