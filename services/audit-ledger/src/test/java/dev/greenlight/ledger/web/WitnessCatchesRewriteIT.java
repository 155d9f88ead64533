package dev.greenlight.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.Consistency;
import dev.greenlight.ledger.verify.Cosignatures;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.NoteSignerKey;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.SignedNote;
import dev.greenlight.ledger.verify.WitnessCheck;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.testing.ApiClients;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attack witnesses exist for: an operator who holds the ledger's signing key throws the ledger
 * away and starts a fresh one with the same key and a different history. Every checkpoint of the new
 * ledger carries a valid signature of the key, but a witness that cosigned a checkpoint of the old one
 * gets no consistency proof joining them, and refuses. Two real ledgers, one after the other, each on
 * its own broker, sharing the key directory.
 */
class WitnessCatchesRewriteIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path keyDir;

    /**
     * A one-node broker that can hold transactions (what {@code @EmbeddedKafka} sets up for the other
     * tests). The test kit picks free ports and binds them a moment later, so on a busy machine another
     * process can take one in between: such a start is retried, up to three times.
     */
    private static EmbeddedKafkaKraftBroker broker() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of("offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
            try {
                broker.afterPropertiesSet();
                return broker;
            } catch (RuntimeException e) {
                if (!portTaken(e)) {
                    throw e;
                }
                last = e;
                try {
                    broker.destroy();
                } catch (RuntimeException halfStarted) {
                    e.addSuppressed(halfStarted);
                }
            }
        }
        throw last;
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    private ConfigurableApplicationContext ledger(String brokers) {
        return AuditLedgerApplication.builder().sources(InMemoryRegistryConfiguration.class).properties(
                "server.port=0",
                "greenlight.security.demo-users=true",
                "spring.kafka.bootstrap-servers=" + brokers,
                "greenlight.ledger.origin=greenlight.test/ledger",
                "greenlight.ledger.key-dir=" + keyDir,
                "greenlight.ledger.checkpoint.every-entries=3",
                "greenlight.ledger.checkpoint.every=1s",
                "greenlight.ledger.poll-timeout=200ms").run();
    }

    private static RestClient api(ConfigurableApplicationContext ledger, String token) {
        return ApiClients.as("http://localhost:" + ledger.getEnvironment().getProperty("local.server.port")
                + "/api/v1/ledger", token);
    }

    private static void publish(ConfigurableApplicationContext ledger, String reason, int count) {
        EventPublisher publisher = ledger.getBean(EventPublisher.class);
        for (int i = 0; i < count; i++) {
            publisher.publish(Topics.KILL_SWITCH, "ict-qm", KillSwitchActivated.newBuilder()
                    .setMeta(new EventMetadata(UUID.randomUUID().toString(), Instant.parse("2026-01-01T00:00:00Z"),
                            "bob"))
                    .setTarget("ict-qm").setReason(reason + " " + i).setActivatedBy("bob")
                    .setSource(KillSwitchSource.MANUAL).build());
        }
    }

    private static SignedNote awaitNote(ConfigurableApplicationContext ledger, long size) {
        SignedNote[] note = new SignedNote[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            ResponseEntity<String> answer = api(ledger, "demo-bob").get().uri("/checkpoint").retrieve()
                    .toEntity(String.class);
            if (!answer.getStatusCode().is2xxSuccessful()) {
                return false;
            }
            note[0] = SignedNote.parse(answer.getBody());
            return CheckpointNote.parse(note[0].text()).treeSize() >= size;
        });
        return note[0];
    }

    private static NoteKey logKey(ConfigurableApplicationContext ledger) throws Exception {
        String key = JSON.readTree(api(ledger, "demo-bob").get().uri("/public-key").retrieve().body(String.class))
                .get("publicKey").asString();
        return NoteKey.of("greenlight.test/ledger", NoteKey.ED25519,
                Ed25519Keys.publicKey(Base64.getDecoder().decode(key)));
    }

    @Test
    void aWitnessRefusesAFreshLedgerSignedWithTheSameKey() throws Exception {
        NoteSignerKey witnessKey = NoteSignerKey.generate("witness.test/w1", NoteKey.COSIGNATURE_V1);
        CheckpointNote cosigned;
        NoteKey originalKey;
        Map<String, String> cosignature;

        EmbeddedKafkaKraftBroker first = broker();
        try (ConfigurableApplicationContext original = ledger(first.getBrokersAsString())) {
            originalKey = logKey(original);
            publish(original, "honest", 4);
            SignedNote note = awaitNote(original, 4);
            assertThat(new WitnessCheck(originalKey).check(Optional.empty(), note, List.of()).ok()).isTrue();
            cosignature = Map.of("witnessKey", witnessKey.publicKey().verifierKey(), "checkpoint", note.text(),
                    "cosignature", Cosignatures.sign(witnessKey.publicKey(), witnessKey.privateKey(), note.text(),
                            Instant.now().getEpochSecond()).toString());
            assertThat(api(original, "demo-witness").post().uri("/checkpoint/cosignatures")
                    .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(cosignature)).retrieve()
                    .toEntity(String.class).getStatusCode().value()).isEqualTo(201);
            cosigned = CheckpointNote.parse(note.text());
        } finally {
            first.destroy();
        }

        EmbeddedKafkaKraftBroker second = broker();
        try (ConfigurableApplicationContext rewritten = ledger(second.getBrokersAsString())) {
            assertThat(logKey(rewritten)).as("the operator kept the key").isEqualTo(originalKey);
            publish(rewritten, "rewritten", (int) cosigned.treeSize() + 3);
            SignedNote forged = awaitNote(rewritten, cosigned.treeSize() + 3);
            JsonNode proof = JSON.readTree(api(rewritten, "demo-witness").get()
                    .uri("/checkpoint/consistency?from=" + cosigned.treeSize()).retrieve().body(String.class));
            List<byte[]> path = new ArrayList<>();
            proof.get("path").forEach(hash -> path.add(Sha256.unhex(hash.asString())));
            SignedNote served = SignedNote.parse(proof.get("checkpoint").asString());

            assertThat(forged.verifiedBy(originalKey)).as("every forged checkpoint is validly signed").isTrue();
            Consistency verdict = new WitnessCheck(originalKey).check(Optional.of(cosigned), served, path);
            assertThat(verdict.ok()).isFalse();
            assertThat(verdict.kind()).isEqualTo("REWRITTEN");
            // and the old cosignature cannot be carried over to the new ledger
            assertThat(api(rewritten, "demo-witness").post().uri("/checkpoint/cosignatures")
                    .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(cosignature)).retrieve()
                    .toEntity(String.class).getStatusCode().value()).isEqualTo(400);
        } finally {
            second.destroy();
        }
    }
}
