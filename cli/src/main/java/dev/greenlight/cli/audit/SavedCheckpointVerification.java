package dev.greenlight.cli.audit;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.Consistency;
import dev.greenlight.ledger.verify.Cosignatures;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.SavedCheckpointCheck;
import dev.greenlight.ledger.verify.SignedNote;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of {@code ledger verify --file} that holds the export to a saved checkpoint: the export
 * must extend it (RFC 9162 consistency proof from the export's own tree), and the saved note must
 * carry at least {@code minWitnesses} valid cosignatures of the named witness keys. Runs after the
 * export verifier and independently of it.
 */
final class SavedCheckpointVerification {

    /** Why the export does not stand against the saved checkpoint, empty when it does. */
    record Failure(String reason, String detail) {
    }

    Optional<Failure> check(Path export, String publicKey, Path checkpoint, Map<String, String> witnessKeys,
            int minWitnesses) {
        SignedNote saved = NoteFiles.readNote(checkpoint, "--checkpoint");
        CheckpointNote body = CheckpointNote.parse(saved.text());
        NoteKey logKey = NoteFiles.ledgerKey(publicKey, body.origin());
        List<NoteKey> witnesses = witnessKeys.entrySet().stream().map(entry -> {
            NoteKey key = NoteFiles.witnessKey(entry.getValue());
            if (!key.name().equals(entry.getKey())) {
                throw new ApiException(0, "--witness-key " + entry.getKey() + "=...: the key is named " + key.name());
            }
            return key;
        }).toList();
        if (minWitnesses > witnesses.size()) {
            throw new ApiException(0, "--min-witnesses " + minWitnesses + " needs at least as many --witness-key");
        }
        Consistency result;
        try {
            result = new SavedCheckpointCheck(logKey).check(saved, export);
        } catch (IOException e) {
            throw new ApiException(0, "cannot read " + export + ": " + e.getMessage());
        }
        if (!result.ok()) {
            return Optional.of(new Failure(result.kind(), result.detail()));
        }
        int cosigned = Cosignatures.count(saved, witnesses);
        if (cosigned < minWitnesses) {
            return Optional.of(new Failure("WITNESSES", "the saved checkpoint (tree size " + body.treeSize()
                    + ") has " + cosigned + " valid cosignature(s) of the given witnesses, " + minWitnesses
                    + " required"));
        }
        return Optional.empty();
    }
}
