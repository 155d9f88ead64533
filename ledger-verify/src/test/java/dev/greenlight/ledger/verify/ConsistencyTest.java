package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved checkpoints and witnesses: an export or a new checkpoint is accepted only when an RFC 9162
 * consistency proof shows it extends what was seen before; truncation and rewriting are named.
 */
class ConsistencyTest {

    static final KeyPair KEYS = Ed25519Keys.generate();
    static final NoteKey LOG = NoteKey.of(NoteLedger.ORIGIN, NoteKey.ED25519, KEYS.getPublic());

    @TempDir
    Path dir;

    @Test
    void anExportThatGrewAfterTheSavedCheckpointExtendsIt() throws Exception {
        NoteLedger ledger = new NoteLedger(KEYS, "a").append(7);
        ledger.checkpoint();
        SignedNote saved = ledger.note(KEYS);
        ledger.append(6).checkpoint();
        ledger.append(4).checkpoint();

        Consistency result = new SavedCheckpointCheck(LOG).check(saved, ledger.export(dir.resolve("e.jsonl")));

        assertThat(result.ok()).as(result.detail()).isTrue();
    }

    @Test
    void aTruncatedExportIsTruncated() throws Exception {
        NoteLedger shorter = new NoteLedger(KEYS, "a").append(7);
        shorter.checkpoint();
        NoteLedger longer = new NoteLedger(KEYS, "a").append(7);
        longer.checkpoint();
        longer.append(6).checkpoint();
        SignedNote saved = longer.note(KEYS);

        Consistency result = new SavedCheckpointCheck(LOG).check(saved, shorter.export(dir.resolve("e.jsonl")));

        assertThat(result.ok()).isFalse();
        assertThat(result.kind()).isEqualTo("TRUNCATED");
        assertThat(result.detail()).contains("13");
    }

    @Test
    void aRewrittenHistorySignedWithTheSameKeyIsRewritten() throws Exception {
        NoteLedger original = new NoteLedger(KEYS, "a").append(7);
        original.checkpoint();
        SignedNote saved = original.note(KEYS);
        NoteLedger rewritten = new NoteLedger(KEYS, "b").append(12);
        rewritten.checkpoint();

        Consistency result = new SavedCheckpointCheck(LOG).check(saved, rewritten.export(dir.resolve("e.jsonl")));

        assertThat(result.ok()).isFalse();
        assertThat(result.kind()).isEqualTo("REWRITTEN");
        assertThat(result.detail()).contains("at tree size 7");
    }

    @Test
    void anExtractCannotProveConsistencyWhateverItsHeaderClaims() throws Exception {
        NoteLedger ledger = new NoteLedger(KEYS, "a").append(7);
        ledger.checkpoint();
        Path export = ledger.export(dir.resolve("e.jsonl"));
        // An extract is recognised by its entries' inclusion proofs, not by the header's "scope".
        String text = java.nio.file.Files.readString(export);
        int entry = text.indexOf("{\"type\":\"entry\"");
        int end = text.indexOf("}\n", entry);
        java.nio.file.Files.writeString(export, text.substring(0, end)
                + ",\"inclusion\":{\"leafIndex\":0,\"treeSize\":7,\"path\":[]}" + text.substring(end));

        Consistency result = new SavedCheckpointCheck(LOG).check(ledger.note(KEYS), export);

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).contains("extract");
    }

    @Test
    void aWholeExportWhoseHeaderClaimsReleaseStillProvesConsistency() throws Exception {
        NoteLedger ledger = new NoteLedger(KEYS, "a").append(7);
        ledger.checkpoint();
        Path export = ledger.export(dir.resolve("e.jsonl"));
        java.nio.file.Files.writeString(export, java.nio.file.Files.readString(export)
                .replace("\"scope\":\"ledger\"", "\"scope\":\"release\""));

        Consistency result = new SavedCheckpointCheck(LOG).check(ledger.note(KEYS), export);

        assertThat(result.ok()).isTrue();
    }

    @Test
    void aWitnessCosignsAnExtensionAndRefusesARewriteByTheKeyHolder() {
        NoteLedger ledger = new NoteLedger(KEYS, "a").append(5);
        ledger.checkpoint();
        CheckpointNote cosigned = CheckpointNote.parse(ledger.note(KEYS).text());
        ledger.append(9).checkpoint();
        WitnessCheck witness = new WitnessCheck(LOG);

        List<byte[]> proof = MerkleTree.consistencyProof(ledger.leafHashes(), 5, 14);
        assertThat(witness.check(Optional.of(cosigned), ledger.note(KEYS), proof).ok()).isTrue();

        NoteLedger forged = new NoteLedger(KEYS, "b").append(14);
        forged.checkpoint();
        List<byte[]> forgedProof = MerkleTree.consistencyProof(forged.leafHashes(), 5, 14);
        Consistency refused = witness.check(Optional.of(cosigned), forged.note(KEYS), forgedProof);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.kind()).isEqualTo("REWRITTEN");

        NoteLedger smaller = new NoteLedger(KEYS, "a").append(3);
        smaller.checkpoint();
        assertThat(witness.check(Optional.of(cosigned), smaller.note(KEYS), List.of()).kind()).isEqualTo("TRUNCATED");
        assertThat(witness.check(Optional.empty(), ledger.note(Ed25519Keys.generate()), List.of()).ok()).isFalse();
    }
}
