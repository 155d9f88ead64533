package dev.greenlight.cli.audit;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.SignedNote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * Reading and writing what the checkpoint, consistency and witness commands keep in files: saved
 * signed notes, the ledger's public key, witness verifier keys. Failures become {@link ApiException}s
 * (exit 3) that name the file, so a typo never reads as a broken ledger.
 */
final class NoteFiles {

    private NoteFiles() {
    }

    static SignedNote readNote(Path file, String option) {
        try {
            return SignedNote.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiException(0, "cannot read " + option + " " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(0, option + " " + file + " is not a signed checkpoint note: " + e.getMessage());
        }
    }

    /** Writes {@code text} through a temporary file and a move, so a crash never leaves half a note. */
    static void write(Path file, String text) {
        try {
            Path absolute = file.toAbsolutePath();
            Path temporary = Files.createTempFile(absolute.getParent(), ".greenlight-", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ApiException(0, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The ledger's key (base64 X.509 or a file holding it) as the note key named by {@code origin}. */
    static NoteKey ledgerKey(String given, String origin) {
        // One key, or a key ring (after a rotation): notes are checked with the ring's current key.
        PublicKey key;
        try {
            LedgerKeyRing ring = LedgerKeyRing.read(given.trim());
            key = (ring.keys().size() == 1 ? ring.keys().stream().findFirst() : ring.current())
                    .orElseThrow(() -> new IllegalArgumentException("the key ring has no current key")).publicKey();
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(0, "the ledger public key is neither a base64 X.509 Ed25519 key, a key ring nor a"
                    + " file holding one (GET /api/v1/ledger/public-key on the ledger service shows it): "
                    + e.getMessage());
        }
        return NoteKey.of(origin, NoteKey.ED25519, key);
    }

    /** A witness verifier key: the key itself, or a file whose last line is one (a .vkey or a witness key file). */
    static NoteKey witnessKey(String given) {
        String text = given.trim();
        try {
            Path path = Path.of(text);
            if (Files.isRegularFile(path)) {
                String[] lines = Files.readString(path).strip().split("\n");
                text = lines[lines.length - 1].strip();
            }
        } catch (IOException | RuntimeException e) {
            // not a file: the key itself
        }
        try {
            NoteKey key = NoteKey.parse(text);
            if (key.type() != NoteKey.COSIGNATURE_V1) {
                throw new ApiException(0, "witness key " + key.name() + " is not a cosignature/v1 key (type 0x04)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new ApiException(0, "not a witness verifier key (<name>+<hex id>+<base64>): " + e.getMessage());
        }
    }
}
