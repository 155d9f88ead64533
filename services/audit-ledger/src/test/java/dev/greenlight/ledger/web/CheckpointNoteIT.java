package dev.greenlight.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.ledger.kafka.CheckpointNotes;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.Consistency;
import dev.greenlight.ledger.verify.Cosignatures;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.NoteSignature;
import dev.greenlight.ledger.verify.NoteSignerKey;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.SignedNote;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkpoints as signed notes, consistency proofs from a saved size, and witness cosignatures
 * against a real ledger: what is served verifies with the ledger's key, a proof from an older note
 * verifies against the newer one, a witness's cosignature appears on the served note, and a forged
 * or unauthorized submission is refused with nothing written to the cosignature topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.demo-users=true",
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.origin=greenlight.test/ledger",
        "greenlight.ledger.checkpoint.every-entries=3",
        "greenlight.ledger.checkpoint.every=1s",
        "greenlight.ledger.poll-timeout=200ms"})
@EmbeddedKafka
@Import(InMemoryRegistryConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointNoteIT extends LedgerServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final NoteSignerKey WITNESS = NoteSignerKey.generate("witness.test/w1", NoteKey.COSIGNATURE_V1);
    private static SignedNote saved;

    @Autowired
    CheckpointNotes notes;

    private ResponseEntity<String> get(String uri) {
        return api("demo-bob").get().uri(uri).retrieve().toEntity(String.class);
    }

    private NoteKey logKey() throws Exception {
        String key = JSON.readTree(get("/public-key").getBody()).get("publicKey").asString();
        return NoteKey.of("greenlight.test/ledger", NoteKey.ED25519,
                Ed25519Keys.publicKey(Base64.getDecoder().decode(key)));
    }

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            publisher.publish(Topics.KILL_SWITCH, "ict-qm", KillSwitchActivated.newBuilder()
                    .setMeta(new EventMetadata(UUID.randomUUID().toString(), Instant.parse("2026-01-01T00:00:00Z"),
                            "bob"))
                    .setTarget("ict-qm").setReason("drill " + i).setActivatedBy("bob")
                    .setSource(KillSwitchSource.MANUAL).build());
        }
    }

    private SignedNote awaitNoteOfAtLeast(long size) {
        List<SignedNote> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            ResponseEntity<String> answer = get("/checkpoint");
            if (!answer.getStatusCode().is2xxSuccessful()) {
                return false;
            }
            SignedNote note = SignedNote.parse(answer.getBody());
            found.add(0, note);
            return CheckpointNote.parse(note.text()).treeSize() >= size;
        });
        return found.get(0);
    }

    private ResponseEntity<String> submit(String token, Map<String, String> body) {
        return api(token).post().uri("/checkpoint/cosignatures").contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body)).retrieve().toEntity(String.class);
    }

    private static Map<String, String> cosignature(SignedNote note, NoteSignerKey key, long time) {
        NoteSignature line = Cosignatures.sign(key.publicKey(), key.privateKey(), note.text(), time);
        return Map.of("witnessKey", key.publicKey().verifierKey(), "checkpoint", note.text(),
                "cosignature", line.toString());
    }

    @Test
    @Order(1)
    void theLatestCheckpointIsServedAsANoteSignedWithTheLedgerKey() throws Exception {
        publish(3);
        SignedNote note = awaitNoteOfAtLeast(3);

        assertThat(get("/checkpoint").getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(note.text()).startsWith("greenlight.test/ledger\n");
        assertThat(note.verifiedBy(logKey())).isTrue();
        CheckpointNote body = CheckpointNote.parse(note.text());
        JsonNode latest = JSON.readTree(get("/checkpoints/latest").getBody());
        assertThat(Sha256.hex(body.rootHash())).isEqualTo(latest.get("rootHash").asString());
        assertThat(body.treeSize()).isEqualTo(latest.get("treeSize").asLong());
        assertThat(body.heads()).hasSize(Topics.LEDGER.partitions());
        saved = note;
    }

    @Test
    @Order(2)
    void aConsistencyProofFromTheSavedSizeVerifiesAgainstTheNewNote() throws Exception {
        long savedSize = CheckpointNote.parse(saved.text()).treeSize();
        publish(4);
        awaitNoteOfAtLeast(savedSize + 4);

        JsonNode proof = JSON.readTree(get("/checkpoint/consistency?from=" + savedSize).getBody());
        SignedNote latest = SignedNote.parse(proof.get("checkpoint").asString());
        CheckpointNote newer = CheckpointNote.parse(latest.text());
        CheckpointNote older = CheckpointNote.parse(saved.text());
        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(h -> path.add(Sha256.unhex(h.asString())));

        assertThat(latest.verifiedBy(logKey())).isTrue();
        assertThat(proof.get("to").asLong()).isEqualTo(newer.treeSize());
        Consistency result = Consistency.check(older.treeSize(), older.rootHash(), newer.treeSize(),
                newer.rootHash(), path);
        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(get("/checkpoint/consistency?from=" + (newer.treeSize() + 1)).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    @Order(3)
    void aWitnessCosignatureIsRecordedOnceAndServedOnTheNote() throws Exception {
        SignedNote note = SignedNote.parse(get("/checkpoint").getBody());
        SignedNote plain = new SignedNote(note.text(), note.signatures().subList(0, 1));
        Map<String, String> body = cosignature(plain, WITNESS, Instant.now().getEpochSecond());

        ResponseEntity<String> answer = submit("demo-witness", body);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        assertThat(submit("demo-witness", body).getStatusCode().value()).isEqualTo(200);

        // nothing was published since the last checkpoint, so the served note is still the cosigned one
        SignedNote served = SignedNote.parse(get("/checkpoint").getBody());
        assertThat(served.text()).isEqualTo(plain.text());
        assertThat(served.signatures()).hasSize(2);
        assertThat(Cosignatures.count(served, List.of(WITNESS.publicKey()))).isEqualTo(1);
        assertThat(served.verifiedBy(logKey())).isTrue();
        assertThat(notes.cosignatures()).hasSize(1);
    }

    @Test
    @Order(4)
    void forgedOrUnauthorizedCosignaturesAreRefusedAndNothingIsWritten() throws Exception {
        int before = notes.cosignatures().size();
        SignedNote note = notes.latest().orElseThrow();
        long now = Instant.now().getEpochSecond();
        Map<String, String> genuine = cosignature(note, WITNESS, now);

        // the line signed by another key than the one named
        NoteSignerKey impostor = NoteSignerKey.generate("witness.test/w1", NoteKey.COSIGNATURE_V1);
        Map<String, String> forged = Map.of("witnessKey", WITNESS.publicKey().verifierKey(),
                "checkpoint", note.text(), "cosignature", cosignature(note, impostor, now).get("cosignature"));
        assertThat(submit("demo-witness", forged).getStatusCode().value()).isEqualTo(400);
        // a checkpoint the ledger never signed (same key name, a different root)
        String invented = note.text().replaceFirst("\n[^\n]+=\n", "\n" + Base64.getEncoder()
                .encodeToString(new byte[32]) + "\n");
        Map<String, String> unsigned = Map.of("witnessKey", WITNESS.publicKey().verifierKey(), "checkpoint", invented,
                "cosignature", Cosignatures.sign(WITNESS.publicKey(), WITNESS.privateKey(), invented, now).toString());
        ResponseEntity<String> refused = submit("demo-witness", unsigned);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("checkpoint");
        // a type 0x01 key is no cosigner key
        NoteSignerKey logStyle = NoteSignerKey.generate("witness.test/w2", NoteKey.ED25519);
        assertThat(submit("demo-witness", Map.of("witnessKey", logStyle.publicKey().verifierKey(), "checkpoint",
                note.text(), "cosignature", genuine.get("cosignature"))).getStatusCode().value()).isEqualTo(400);
        // no credentials, and credentials without the witness role
        assertThat(submit(null, genuine).getStatusCode().value()).isEqualTo(401);
        assertThat(submit("demo-bob", genuine).getStatusCode().value()).isEqualTo(403);

        assertThat(notes.cosignatures()).hasSize(before);
    }
}
