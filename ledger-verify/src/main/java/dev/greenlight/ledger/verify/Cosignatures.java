package dev.greenlight.ledger.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Ed25519 cosignatures as c2sp.org/tlog-cosignature defines them ("cosignature/v1"): a witness signs
 * {@code "cosignature/v1\ntime <t>\n"} followed by the checkpoint's whole note text, and the note
 * signature carries the 8-byte big-endian timestamp (POSIX seconds) before the 64-byte signature.
 * The witness's key id uses type byte 0x04, so a cosignature can never pass for a log signature
 * with the same key, nor the reverse.
 */
public final class Cosignatures {

    public static final String HEADER = "cosignature/v1";

    private Cosignatures() {
    }

    /** The exact bytes a cosignature at {@code time} over {@code checkpointText} signs. */
    public static byte[] message(String checkpointText, long time) {
        return (HEADER + "\ntime " + time + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /** The witness {@code key}'s (type 0x04) cosignature over {@code checkpointText} at {@code time}. */
    public static NoteSignature sign(NoteKey key, PrivateKey privateKey, String checkpointText, long time) {
        if (key.type() != NoteKey.COSIGNATURE_V1) {
            throw new IllegalArgumentException("cosignatures use type 0x04 keys");
        }
        if (time < 0) {
            throw new IllegalArgumentException("a cosignature time is a non-negative POSIX time");
        }
        byte[] signature = Ed25519Keys.sign(privateKey, message(checkpointText, time));
        return new NoteSignature(key.name(), key.keyId(),
                ByteBuffer.allocate(8 + signature.length).putLong(time).put(signature).array());
    }

    /** The cosignature's time when {@code line} is a valid cosignature by {@code key} over {@code checkpointText}. */
    public static OptionalLong verify(NoteKey key, String checkpointText, NoteSignature line) {
        byte[] blob = line.signature();
        if (key.type() != NoteKey.COSIGNATURE_V1 || !line.by(key) || blob.length != 8 + 64) {
            return OptionalLong.empty();
        }
        long time = ByteBuffer.wrap(blob).getLong();
        if (time < 0) {
            return OptionalLong.empty();
        }
        return Ed25519Keys.verify(key.publicKey(), message(checkpointText, time), Arrays.copyOfRange(blob, 8, blob.length))
                ? OptionalLong.of(time) : OptionalLong.empty();
    }

    /** How many of {@code witnesses} have a valid cosignature on {@code note} (each counted once). */
    public static int count(SignedNote note, java.util.Collection<NoteKey> witnesses) {
        int valid = 0;
        for (NoteKey witness : witnesses) {
            if (note.signatures().stream().anyMatch(s -> verify(witness, note.text(), s).isPresent())) {
                valid++;
            }
        }
        return valid;
    }
}
