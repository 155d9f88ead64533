package dev.greenlight.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.kafka.RecordedCosignature;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointNoteSigner;
import dev.greenlight.ledger.verify.Cosignatures;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.NoteSignature;
import dev.greenlight.ledger.verify.NoteSignerKey;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.ledger.verify.SignedNote;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the served note carries: the latest valid cosignature of each witness on exactly its text;
 * a line that does not verify, or that signs another checkpoint, is left out.
 */
class CosignedNoteTest {

    private static final CheckpointNoteSigner LEDGER = new CheckpointNoteSigner("greenlight.test/ledger",
            Ed25519Keys.generate());

    private static SignedNote note(long size) {
        return LEDGER.sign(new Checkpoint(size, new byte[32], List.of(new PartitionHead(0, size - 1, new byte[32])),
                Instant.EPOCH, "k", new byte[0]));
    }

    private static RecordedCosignature recorded(SignedNote note, NoteSignerKey witness, NoteSignature line) {
        return new RecordedCosignature(5, note.text(), witness.publicKey().verifierKey(), line.toString(),
                Instant.EPOCH, "witness");
    }

    @Test
    void eachWitnessAppearsOnceWithItsLatestValidCosignature() {
        SignedNote note = note(5);
        NoteSignerKey w1 = NoteSignerKey.generate("w.test/1", NoteKey.COSIGNATURE_V1);
        NoteSignerKey w2 = NoteSignerKey.generate("w.test/2", NoteKey.COSIGNATURE_V1);
        NoteSignature early = Cosignatures.sign(w1.publicKey(), w1.privateKey(), note.text(), 100);
        NoteSignature late = Cosignatures.sign(w1.publicKey(), w1.privateKey(), note.text(), 200);
        NoteSignature otherCheckpoint = Cosignatures.sign(w2.publicKey(), w2.privateKey(), note(6).text(), 100);
        NoteSignature forged = Cosignatures.sign(w1.publicKey(), w2.privateKey(), note.text(), 300);

        SignedNote served = CheckpointNoteController.cosigned(note, List.of(recorded(note, w1, early),
                recorded(note, w1, late), recorded(note, w2, otherCheckpoint), recorded(note, w1, forged)));

        assertThat(served.signatures()).containsExactly(note.signatures().get(0), late);
        assertThat(served.verifiedBy(LEDGER.key())).isTrue();
    }
}
