package dev.greenlight.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.MerkleProofs;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.ledger.verify.OfflineLedgerVerifier;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's REST operations against a real ledger: verify, query, export (verified offline),
 * proofs checked with nothing but the published checkpoint, and a record slipped into the ledger
 * topic by another producer named by verify. The intrusion runs last because it breaks the ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.checkpoint.every-entries=4",
        "greenlight.ledger.checkpoint.every=1s",
        "greenlight.ledger.poll-timeout=200ms",
        // Any async processing would be cut after 1 ms: the exports must not depend on it.
        "spring.mvc.async.request-timeout=1ms"})
@EmbeddedKafka
@AutoConfigureMockMvc
@Import(InMemoryRegistryConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerApiIT extends LedgerServiceTestBase {

    private static final int EVENTS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    MockMvc mvc;

    private RestClient api() {
        // Auditors read the ledger with their own credentials, like every API call.
        return RestClient.builder().baseUrl(ledgerUrl())
                .defaultHeaders(h -> h.setBearerAuth("demo-bob")).build();
    }

    private JsonNode get(String uri) {
        return JSON.readTree(api().get().uri(uri).retrieve().body(String.class));
    }

    private void publishAndAwaitCheckpoint() {
        if (get("/verify").get("treeSize").asLong() >= EVENTS) {
            return;
        }
        for (int i = 0; i < EVENTS; i++) {
            String target = i < 3 ? "ict-qm" : "rl-policy";
            publisher.publish(Topics.KILL_SWITCH, target, KillSwitchActivated.newBuilder()
                    .setMeta(new EventMetadata(UUID.randomUUID().toString(), Instant.parse("2026-01-01T00:00:00Z"),
                            "bob"))
                    .setTarget(target).setReason("drill " + i).setActivatedBy("bob")
                    .setSource(KillSwitchSource.MANUAL).build());
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> get("/verify").get("treeSize").asLong() == EVENTS);
    }

    private PublicKey publicKey() throws Exception {
        return Ed25519Keys.publicKey(Base64.getDecoder().decode(get("/public-key").get("publicKey").asString()));
    }

    @Test
    @Order(1)
    void verifyReportsOkWithCounts() {
        publishAndAwaitCheckpoint();

        JsonNode report = get("/verify");

        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("entries").asLong()).isEqualTo(EVENTS);
        assertThat(report.get("uncheckpointed").asLong()).isZero();
    }

    @Test
    @Order(2)
    void entriesAreQueriedByReleaseAndTypeAndPaged() {
        publishAndAwaitCheckpoint();

        JsonNode page = get("/entries?release=ict-qm&type=KillSwitchActivated&page=0&size=2");
        JsonNode rest = get("/entries?release=ict-qm&page=1&size=2");

        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(rest.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("target").asString()).isEqualTo("ict-qm");
        assertThat(get("/entries?type=ApprovalGranted").get("total").asLong()).isZero();
    }

    @Test
    @Order(3)
    void fullAndReleaseExportsVerifyOffline() throws Exception {
        publishAndAwaitCheckpoint();
        Path full = keyDir.resolve("ledger.jsonl");
        Path release = keyDir.resolve("ict-qm.jsonl");
        Files.writeString(full, api().get().uri("/export").retrieve().body(String.class));
        Files.writeString(release, api().get().uri("/export?release=ict-qm").retrieve().body(String.class));

        VerificationReport fullReport = new OfflineLedgerVerifier().verify(full, publicKey());
        VerificationReport releaseReport = new OfflineLedgerVerifier().verify(release, publicKey());

        assertThat(fullReport.failure()).isEmpty();
        assertThat(fullReport.entries()).isEqualTo(EVENTS);
        assertThat(releaseReport.failure()).isEmpty();
        assertThat(releaseReport.entries()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void fullExportIsWholeWhenTheHandlerReturnsSoNoAsyncTimeoutCanCutIt() throws Exception {
        // The bench's 100 k-release export was cut mid-line by the 30 s async timeout: an export must be
        // written before the request ends, whatever that timeout (1 ms here) and however long the ledger.
        publishAndAwaitCheckpoint();

        MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/api/v1/ledger/export").header("Authorization", "Bearer demo-bob"))
                .andReturn();
        Path full = keyDir.resolve("ledger-mvc.jsonl");
        Files.writeString(full, result.getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(result.getRequest().isAsyncStarted()).isFalse();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        VerificationReport report = new OfflineLedgerVerifier().verify(full, publicKey());
        assertThat(report.failure()).isEmpty();
        assertThat(report.entries()).isEqualTo(EVENTS);
    }

    @Test
    @Order(4)
    void proofsVerifyAgainstTheSignedCheckpoints() {
        publishAndAwaitCheckpoint();
        JsonNode checkpoint = get("/checkpoints/latest");
        long size = checkpoint.get("treeSize").asLong();

        JsonNode inclusion = get("/proof/inclusion?index=3");
        assertThat(MerkleProofs.verifyInclusion(3, size,
                MerkleTree.leafHash(Sha256.unhex(inclusion.get("entryHash").asString())), hashes(inclusion.get("path")),
                Sha256.unhex(checkpoint.get("rootHash").asString()))).isTrue();

        JsonNode byPosition = get("/proof/inclusion?partition=" + inclusion.get("ledgerPartition").asInt()
                + "&sequence=" + inclusion.get("sequence").asLong());
        assertThat(byPosition.get("leafIndex").asLong()).isEqualTo(3);

        JsonNode consistency = get("/proof/consistency?first=4&second=" + size);
        assertThat(consistency.get("secondRoot").asString()).isEqualTo(checkpoint.get("rootHash").asString());
        assertThat(MerkleProofs.verifyConsistency(4, size, Sha256.unhex(consistency.get("firstRoot").asString()),
                Sha256.unhex(checkpoint.get("rootHash").asString()), hashes(consistency.get("path")))).isTrue();
    }

    @Test
    @Order(5)
    void recordAppendedToTheLedgerByAnotherProducerIsNamedByVerify() {
        publishAndAwaitCheckpoint();
        try (KafkaProducer<String, byte[]> intruder = new KafkaProducer<>(Map.of("bootstrap.servers", brokers),
                new StringSerializer(), new ByteArraySerializer())) {
            intruder.send(new ProducerRecord<>(Topics.LEDGER.name(), 1, "ict-qm", "approved!".getBytes())).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        JsonNode report = get("/verify");

        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("failure").get("reason").asString()).isEqualTo("FOREIGN_RECORD");
        assertThat(report.get("failure").get("location").asString()).startsWith(Topics.LEDGER.name() + "-1@");
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(Sha256.unhex(node.asString())));
        return hashes;
    }
}
