package dev.greenlight.ledger.attestation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.greenlight.evidence.EvidenceEvents.metric;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.LedgerEntry;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.ledger.replay.application.ReplayFixture;
import dev.greenlight.ledger.verify.AttestationCheck;
import dev.greenlight.ledger.verify.AttestationVerifier;
import dev.greenlight.ledger.verify.DsseEnvelope;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * The attestation endpoint against a real broker: a decision the real engine computed, recorded with
 * its release and evidence, comes back as a DSSE envelope that verifies offline with the ledger's
 * public key, cites the very entries {@code /entries} lists (by hash and position) and is the same on
 * every fetch; an unknown decision is a 404 naming it; an anonymous caller gets a 401; a decision record
 * another producer slipped onto the ledger topic, its hash a lie, is never signed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.checkpoint.every=1s",
        "greenlight.ledger.poll-timeout=200ms"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
class AttestationIT extends LedgerServiceTestBase {

    private static final GateDecided DECISION = ReplayFixture.honestDecision();
    private static final String PATH = "/attestations/" + DECISION.getDecisionId();

    private ResponseEntity<String> get(String token, String uri) {
        return api(token).get().uri(uri).retrieve().toEntity(String.class);
    }

    @BeforeEach
    void decisionRecorded() {
        if (get("demo-bob", PATH).getStatusCode().is2xxSuccessful()) {
            return;
        }
        publisher.publish(Topics.RELEASES, ReplayFixture.TARGET, ReplayFixture.release());
        publisher.publish(Topics.CHECKS, ReplayFixture.TARGET, ReplayFixture.securityScan());
        publisher.publish(Topics.DECISIONS, ReplayFixture.TARGET, DECISION);
        await().atMost(Duration.ofSeconds(90)).until(() -> get("demo-bob", PATH).getStatusCode().is2xxSuccessful());
    }

    private PublicKey publicKey() throws Exception {
        JsonNode key = LedgerJson.MAPPER.readTree(get("demo-bob", "/public-key").getBody());
        return Ed25519Keys.publicKey(Base64.getDecoder().decode(key.path("publicKey").asString()));
    }

    @Test
    void theEnvelopeVerifiesOfflineAndCitesTheLedgersEntries() throws Exception {
        ResponseEntity<String> answer = get("demo-bob", PATH);

        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/json");
        AttestationCheck check = new AttestationVerifier(publicKey()).verify(answer.getBody());
        assertThat(check.valid()).as(check.failure()).isTrue();
        assertThat(check.decision().subjectName()).isEqualTo(ReplayFixture.TARGET + "@" + ReplayFixture.VERSION);
        assertThat(check.decision().stage()).isEqualTo(ReplayFixture.STAGE);
        assertThat(check.decision().outcome()).isEqualTo(DECISION.getOutcome().name());
        assertThat(check.decision().revision()).isEqualTo("abc123");

        JsonNode predicate = LedgerJson.MAPPER.readTree(new String(DsseEnvelope.parse(answer.getBody()).payload(),
                StandardCharsets.UTF_8)).path("predicate");
        assertThat(predicate.path("policy").path("digest").path("sha256").asString())
                .isEqualTo(DECISION.getPolicy().getContentHash());
        Map<String, JsonNode> recorded = new HashMap<>();
        for (JsonNode entry : LedgerJson.MAPPER.readTree(get("demo-bob", "/entries?release=" + ReplayFixture.TARGET
                + "&size=500").getBody()).path("items")) {
            recorded.putIfAbsent(entry.path("sourceEventId").asString(), entry);
        }
        assertThat(predicate.path("evidence")).hasSize(DECISION.getEvidenceIds().size());
        for (JsonNode cited : predicate.path("evidence")) {
            JsonNode entry = recorded.get(cited.path("eventId").asString());
            assertThat(cited.path("entryHash").asString()).isEqualTo(entry.path("entryHash").asString());
            assertThat(cited.path("ledgerPartition").asInt()).isEqualTo(entry.path("ledgerPartition").asInt());
            assertThat(cited.path("sequence").asLong()).isEqualTo(entry.path("sequence").asLong());
        }
        assertThat(predicate.path("ledger").path("decisionEntry").path("entryHash").asString())
                .isEqualTo(recorded.get(DECISION.getDecisionId()).path("entryHash").asString());
    }

    @Test
    void aRefetchGivesTheSameEnvelope() {
        assertThat(get("demo-bob", PATH).getBody()).isEqualTo(get("demo-carol", PATH).getBody());
    }

    @Test
    void anUnknownDecisionIsNotFoundByName() {
        ResponseEntity<String> answer = get("demo-bob", "/attestations/no-such-decision");

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).contains("decision no-such-decision is not recorded in the ledger");
    }

    @Test
    void anAnonymousCallerIsRefused() {
        assertThat(get(null, PATH).getStatusCode().value()).isEqualTo(401);
        assertThat(get(null, PATH).getBody()).doesNotContain("payload");
    }

    @Test
    void aForgedDecisionRecordOnTheLedgerTopicIsNeverAttested() {
        JsonNode honest = null;
        for (JsonNode item : LedgerJson.MAPPER.readTree(get("demo-bob", "/entries?type=GateDecided&release="
                + ReplayFixture.TARGET).getBody()).path("items")) {
            if (item.path("sourceEventId").asString().equals(DECISION.getDecisionId())) {
                honest = item;
            }
        }
        Entry copied = LedgerJson.entry(honest);
        LedgerEntry forged = LedgerEntry.newBuilder()
                .setMeta(new EventMetadata(copied.entryId() + "-forged", copied.recordedAt(), copied.principal()))
                .setTarget(copied.target()).setLedgerPartition(copied.ledgerPartition())
                .setSequence(copied.sequence() + 1000).setPreviousHash(ByteBuffer.wrap(copied.previousHash()))
                .setEntryHash(ByteBuffer.wrap(copied.entryHash())).setRecordedAt(copied.recordedAt())
                .setSourceTopic(copied.sourceTopic()).setSourcePartition(copied.sourcePartition())
                .setSourceOffset(copied.sourceOffset()).setSourceEventId("forged-go").setEventType(copied.eventType())
                .setSchemaId(copied.schemaId()).setPayload(ByteBuffer.wrap(copied.payload()))
                .setPayloadSha256(ByteBuffer.wrap(copied.payloadSha256())).build();

        publisher.publish(Topics.LEDGER, copied.target(), forged);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("demo-bob", "/entries?type=GateDecided&release="
                + ReplayFixture.TARGET).getBody().contains("\"forged-go\""));

        ResponseEntity<String> answer = get("demo-bob", "/attestations/forged-go");
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).contains("decision forged-go is not recorded in the ledger");
    }

    /**
     * A decision of the incremental evaluation cites its metric window as one series (range, count,
     * digest), not per sample: the attestation resolves it, as a replay does, to the ledger entries of
     * exactly the samples it counted — a sample outside the window is not among them — and names them
     * by one digest over their entry hashes, which an auditor recomputes from the ledger's entries.
     */
    @Test
    void aDecisionCitingAMetricSeriesNamesTheEntriesOfExactlyTheSamplesItCounted() throws Exception {
        MetricObserved m1 = metric("series-m1", ReplayFixture.TARGET, null, "error_rate", 0.01,
                ReplayFixture.T.minusSeconds(600));
        MetricObserved m2 = metric("series-m2", ReplayFixture.TARGET, "1.0.0", "error_rate", 0.03,
                ReplayFixture.T.minusSeconds(30));
        MetricObserved outside = metric("series-old", ReplayFixture.TARGET, null, "error_rate", 0.9,
                ReplayFixture.T.minusSeconds(7200));
        GateDecided decided = ReplayFixture.incrementalDecision(List.of(m1, m2, outside), null);
        String citation = decided.getEvidenceIds().stream().filter(id -> id.startsWith("series/")).findFirst()
                .orElseThrow();
        for (MetricObserved sample : List.of(outside, m1, m2)) {
            publisher.publish(Topics.METRICS, ReplayFixture.TARGET, sample);
        }
        publisher.publish(Topics.DECISIONS, ReplayFixture.TARGET, decided);
        String path = "/attestations/" + decided.getDecisionId();
        await().atMost(Duration.ofSeconds(90)).until(() -> get("demo-bob", path).getStatusCode().is2xxSuccessful());

        ResponseEntity<String> answer = get("demo-bob", path);
        AttestationCheck check = new AttestationVerifier(publicKey()).verify(answer.getBody());
        assertThat(check.valid()).as(check.failure()).isTrue();
        JsonNode predicate = LedgerJson.MAPPER.readTree(new String(DsseEnvelope.parse(answer.getBody()).payload(),
                StandardCharsets.UTF_8)).path("predicate");
        assertThat(predicate.path("unrecordedEvidence")).isEmpty();
        assertThat(predicate.path("series")).hasSize(1);
        JsonNode series = predicate.path("series").get(0);
        assertThat(series.path("citation").asString()).isEqualTo(citation);
        assertThat(series.path("metric").asString()).isEqualTo("error_rate");
        assertThat(series.path("count").asLong()).isEqualTo(2);
        assertThat(series.path("entries").asLong()).isEqualTo(2);

        Map<String, JsonNode> recorded = new HashMap<>();
        for (JsonNode entry : LedgerJson.MAPPER.readTree(get("demo-bob", "/entries?release=" + ReplayFixture.TARGET
                + "&size=500").getBody()).path("items")) {
            recorded.putIfAbsent(entry.path("sourceEventId").asString(), entry);
        }
        List<JsonNode> counted = List.of(recorded.get("series-m1"), recorded.get("series-m2")).stream()
                .sorted(Comparator.comparingInt((JsonNode e) -> e.path("ledgerPartition").asInt())
                        .thenComparingLong(e -> e.path("sequence").asLong()))
                .toList();
        ByteArrayOutputStream hashes = new ByteArrayOutputStream();
        counted.forEach(e -> hashes.writeBytes(Sha256.unhex(e.path("entryHash").asString())));
        String expected = Sha256.hex(Sha256.of(hashes.toByteArray()));
        assertThat(series.path("entriesDigest").path("sha256").asString()).isEqualTo(expected);
        assertThat(series.path("firstEntry").path("entryHash").asString())
                .isEqualTo(counted.get(0).path("entryHash").asString());
        assertThat(series.path("lastEntry").path("entryHash").asString())
                .isEqualTo(counted.get(1).path("entryHash").asString());
        assertThat(predicate.path("inputAttestations").findValuesAsString("uri"))
                .contains("greenlight:ledger:series:" + citation);
    }
}
