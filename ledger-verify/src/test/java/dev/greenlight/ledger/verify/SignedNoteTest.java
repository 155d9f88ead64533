package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The signed-note format byte for byte. The known answer is the example of the Go reference
 * implementation (golang.org/x/mod/sumdb/note): its key, text and signed note. Ed25519 signatures are
 * deterministic, so signing the same text with the same key must give the same line.
 */
class SignedNoteTest {

    static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String GO_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static PrivateKey seedKey(String base64TypeAndSeed) throws Exception {
        byte[] blob = Base64.getDecoder().decode(base64TypeAndSeed);
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] encoded = new byte[48];
        System.arraycopy(pkcs8, 0, encoded, 0, 16);
        System.arraycopy(blob, 1, encoded, 16, 32);
        return Ed25519Keys.privateKey(encoded);
    }

    @Test
    void signingTheGoExampleGivesTheGoNoteByteForByte() throws Exception {
        NoteKey key = NoteKey.parse(GO_VKEY);
        assertThat(HexFormat.of().formatHex(key.keyId())).isEqualTo("c74f20a3");
        assertThat(key.verifierKey()).isEqualTo(GO_VKEY);

        SignedNote signed = SignedNote.sign(GO_TEXT, key, seedKey(GO_SEED));

        assertThat(signed.serialize()).isEqualTo(GO_NOTE);
        assertThat(SignedNote.parse(GO_NOTE).verifiedBy(key)).isTrue();
    }

    @Test
    void aGoPrivateKeyLoadsAndAGeneratedKeyRoundTrips() {
        NoteSignerKey go = NoteSignerKey.parse("PRIVATE+KEY+PeterNeumann+c74f20a3+" + GO_SEED + "\n" + GO_VKEY + "\n");
        assertThat(SignedNote.sign(GO_TEXT, go.publicKey(), go.privateKey()).serialize()).isEqualTo(GO_NOTE);

        NoteSignerKey generated = NoteSignerKey.generate("witness.test/w1", NoteKey.COSIGNATURE_V1);
        NoteSignerKey loaded = NoteSignerKey.parse(generated.file());
        assertThat(loaded.publicKey()).isEqualTo(generated.publicKey());
        assertThatThrownBy(() -> NoteSignerKey.parse("PRIVATE+KEY+PeterNeumann+c74f20a3+" + GO_SEED + "\n"
                + generated.publicKey().verifierKey())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangedTextOrAnotherKeyDoesNotVerify() throws Exception {
        NoteKey key = NoteKey.parse(GO_VKEY);
        SignedNote note = SignedNote.parse(GO_NOTE);
        assertThat(new SignedNote(GO_TEXT.replace("answer", "question"), note.signatures()).verifiedBy(key)).isFalse();
        KeyPair other = Ed25519Keys.generate();
        assertThat(note.verifiedBy(NoteKey.of("PeterNeumann", NoteKey.ED25519, other.getPublic()))).isFalse();
        assertThatThrownBy(() -> NoteKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("key id");
    }

    @Test
    void aCheckpointNoteRoundTripsAndKeepsUnknownSignatures() {
        KeyPair keys = Ed25519Keys.generate();
        NoteLedger ledger = new NoteLedger(keys, "a").append(5);
        Checkpoint checkpoint = ledger.checkpoint();
        SignedNote note = ledger.note(keys);
        NoteSignature stranger = new NoteSignature("someone.else/w", new byte[] {1, 2, 3, 4}, new byte[72]);

        SignedNote parsed = SignedNote.parse(note.with(stranger).serialize());
        CheckpointNote body = CheckpointNote.parse(parsed.text());

        assertThat(parsed.text()).startsWith(NoteLedger.ORIGIN + "\n5\n"
                + Base64.getEncoder().encodeToString(checkpoint.rootHash()) + "\ngreenlight-head 0 2 ");
        assertThat(body.states(checkpoint)).isTrue();
        assertThat(parsed.signatures()).hasSize(2).contains(stranger);
        assertThat(parsed.verifiedBy(NoteKey.of(NoteLedger.ORIGIN, NoteKey.ED25519, keys.getPublic()))).isTrue();
        assertThat(body.heads()).hasSize(2);
    }

    @Test
    void malformedNotesAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> SignedNote.parse("no signatures\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse("text\n\n- ascii dash AAAAAAA=\n"))
                .hasMessageContaining("starts with");
        assertThatThrownBy(() -> CheckpointNote.parse("origin\n012\nAAAA\n")).hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> CheckpointNote.parse("origin\n12\n")).hasMessageContaining("root hash");
    }

    @Test
    void cosignaturesSignTheV1MessageWithTheTimestampFirst() {
        KeyPair logKeys = Ed25519Keys.generate();
        KeyPair witnessKeys = Ed25519Keys.generate();
        NoteKey witness = NoteKey.of("witness.test/w1", NoteKey.COSIGNATURE_V1, witnessKeys.getPublic());
        NoteLedger ledger = new NoteLedger(logKeys, "a").append(3);
        ledger.checkpoint();
        SignedNote note = ledger.note(logKeys);

        NoteSignature cosignature = Cosignatures.sign(witness, witnessKeys.getPrivate(), note.text(), 1_679_315_147L);

        byte[] blob = cosignature.signature();
        assertThat(blob).hasSize(72);
        assertThat(java.nio.ByteBuffer.wrap(blob).getLong()).isEqualTo(1_679_315_147L);
        assertThat(Ed25519Keys.verify(witnessKeys.getPublic(),
                ("cosignature/v1\ntime 1679315147\n" + note.text()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Arrays.copyOfRange(blob, 8, 72))).isTrue();
        SignedNote cosigned = SignedNote.parse(note.with(cosignature).serialize());
        assertThat(Cosignatures.count(cosigned, List.of(witness))).isEqualTo(1);
        // the same key as a log key (type 0x01) has another key id: the line is not a note signature by it
        assertThat(cosigned.verifiedBy(NoteKey.of("witness.test/w1", NoteKey.ED25519, witnessKeys.getPublic())))
                .isFalse();
        // a cosignature over another checkpoint does not count for this one
        SignedNote other = new SignedNote(note.text().replaceFirst("\n3\n", "\n4\n"), List.of(cosignature));
        assertThat(Cosignatures.count(other, List.of(witness))).isZero();
    }
}
