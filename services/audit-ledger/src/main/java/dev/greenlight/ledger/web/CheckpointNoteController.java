package dev.greenlight.ledger.web;

import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.kafka.CheckpointNotes;
import dev.greenlight.ledger.kafka.RecordedCosignature;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.Cosignatures;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.NoteSignature;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.SignedNote;
import dev.greenlight.ledger.verify.TreeOrder;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ledger's checkpoints as C2SP signed notes (c2sp.org/tlog-checkpoint) with the witnesses'
 * cosignatures, consistency proofs from any tree size a client saw to the latest checkpoint, and
 * the door witnesses hand their cosignatures in through (c2sp.org/tlog-cosignature). A cosignature
 * is recorded only when it verifies with the key it names over a checkpoint note this ledger
 * signed, so the served note never carries a line the ledger could not check.
 */
@RestController
@RequestMapping("/api/v1/ledger/checkpoint")
class CheckpointNoteController {

    /** Who may hand in cosignatures: a witness's own credentials, nothing else. */
    static final String WITNESS_ROLE = "witness";
    private static final int MAX_FIELD = 64 * 1024;
    /** A cosignature dated further ahead than this is refused (the spec lets verifiers reject future times). */
    private static final Duration FUTURE_SLACK = Duration.ofMinutes(10);

    private final CheckpointNotes notes;
    private final Supplier<LedgerSnapshot> ledger;
    private final Clock clock;

    CheckpointNoteController(CheckpointNotes notes, Supplier<LedgerSnapshot> ledger, Clock clock) {
        this.notes = notes;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The latest signed checkpoint note with every valid cosignature on it. */
    @GetMapping(produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> latest() {
        SignedNote note = latestNote();
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(cosigned(note, notes.cosignatures()).serialize());
    }

    /**
     * RFC 9162 consistency proof from tree size {@code from} to the checkpoint of size {@code to}
     * (default: the latest), with that checkpoint's note, so a client holding the root of size
     * {@code from} verifies the proof against a root the ledger signed.
     */
    @GetMapping("/consistency")
    ObjectNode consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        List<SignedNote> signed = notes.signedNotes();
        if (signed.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no signed checkpoint note has been written yet");
        }
        SignedNote target = to == null ? signed.get(signed.size() - 1) : signed.stream()
                .filter(n -> CheckpointNote.parse(n.text()).treeSize() == to).reduce((a, b) -> b)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "to: no signed checkpoint of tree size " + to));
        long size = CheckpointNote.parse(target.text()).treeSize();
        if (from < 0 || from > size) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "from: need 0 <= from <= " + size + " (the checkpoint's tree size)");
        }
        LedgerSnapshot snapshot = ledger.get();
        List<byte[]> hashes = TreeOrder.leafHashes(
                TreeOrder.leaves(snapshot.validChains(skipped -> { }), snapshot.checkpoints()));
        if (hashes.size() < size) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the ledger read back holds fewer entries than its checkpoint covers; try again");
        }
        ObjectNode proof = LedgerJson.MAPPER.createObjectNode();
        proof.put("from", from).put("to", size)
                .put("fromRoot", from == 0 ? "" : Sha256.hex(MerkleTree.root(hashes.subList(0, (int) from))))
                .put("toRoot", Sha256.hex(MerkleTree.root(hashes.subList(0, (int) size))));
        proof.set("path", LedgerJson.hashes(from == 0 || from == size ? List.of()
                : MerkleTree.consistencyProof(hashes, from, size)));
        proof.put("checkpoint", cosigned(target, notes.cosignatures()).serialize());
        signed.stream().filter(n -> CheckpointNote.parse(n.text()).treeSize() == from).reduce((a, b) -> b)
                .ifPresent(n -> proof.put("fromCheckpoint", n.serialize()));
        return proof;
    }

    /** A witness's cosignature on a checkpoint this ledger signed; recorded once, after Kafka acknowledged it. */
    @PostMapping("/cosignatures")
    ResponseEntity<ObjectNode> cosign(@RequestBody CosignatureBody body, Actor actor) {
        if (!actor.hasRole(WITNESS_ROLE)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "submitting a cosignature needs the '" + WITNESS_ROLE + "' role");
        }
        NoteKey witness = field("witnessKey", body.witnessKey(), NoteKey::parse);
        if (witness.type() != NoteKey.COSIGNATURE_V1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "witnessKey: a cosignature/v1 key has signature type 0x04");
        }
        NoteSignature line = field("cosignature", body.cosignature(), text -> NoteSignature.parse(text.strip()));
        String text = field("checkpoint", body.checkpoint(), t -> t);
        SignedNote checkpoint = notes.signedNotes().stream().filter(n -> n.text().equals(text)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "checkpoint: not the text of a checkpoint this ledger signed"));
        OptionalLong time = Cosignatures.verify(witness, checkpoint.text(), line);
        if (time.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "cosignature: not a valid cosignature/v1 by " + witness.verifierKey() + " over that checkpoint");
        }
        Instant cosignedAt = Instant.ofEpochSecond(time.getAsLong());
        if (cosignedAt.isAfter(clock.instant().plus(FUTURE_SLACK))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "cosignature: dated in the future");
        }
        long treeSize = CheckpointNote.parse(checkpoint.text()).treeSize();
        ObjectNode answer = LedgerJson.MAPPER.createObjectNode().put("treeSize", treeSize)
                .put("witness", witness.name()).put("cosignedAt", cosignedAt.toString());
        boolean known = notes.cosignatures().stream().anyMatch(c -> c.signatureLine().equals(line.toString())
                && c.checkpointText().equals(checkpoint.text()));
        if (known) {
            return ResponseEntity.ok(answer.put("recorded", false));
        }
        notes.record(new RecordedCosignature(treeSize, checkpoint.text(), witness.verifierKey(), line.toString(),
                cosignedAt, actor.name()), clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer.put("recorded", true));
    }

    private SignedNote latestNote() {
        return notes.latest().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no signed checkpoint note has been written yet"));
    }

    /**
     * {@code note} with the latest valid cosignature of each witness on its text, so a witness that
     * cosigns the same checkpoint again does not add lines, and the note stays within the
     * {@link SignedNote#MAX_SIGNATURES} every reader accepts.
     */
    static SignedNote cosigned(SignedNote note, List<RecordedCosignature> recorded) {
        java.util.Map<String, NoteSignature> byWitness = new java.util.LinkedHashMap<>();
        for (RecordedCosignature cosignature : recorded) {
            if (!cosignature.checkpointText().equals(note.text())) {
                continue;
            }
            try {
                NoteKey witness = NoteKey.parse(cosignature.witnessKey());
                NoteSignature line = NoteSignature.parse(cosignature.signatureLine());
                if (Cosignatures.verify(witness, note.text(), line).isPresent()) {
                    byWitness.remove(witness.verifierKey());
                    byWitness.put(witness.verifierKey(), line);
                }
            } catch (IllegalArgumentException e) {
                // a malformed record vouches for nothing
            }
        }
        SignedNote out = note;
        List<NoteSignature> lines = new java.util.ArrayList<>(byWitness.values());
        int room = SignedNote.MAX_SIGNATURES - note.signatures().size();
        for (NoteSignature line : lines.subList(Math.max(0, lines.size() - room), lines.size())) {
            out = out.with(line);
        }
        return out;
    }

    private static <T> T field(String name, String value, java.util.function.Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": required");
        }
        if (value.length() > MAX_FIELD) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": longer than " + MAX_FIELD + " characters");
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": " + e.getMessage());
        }
    }

    /**
     * @param witnessKey  the witness's verifier key, {@code <name>+<hex key id>+<base64(0x04 || key)>}
     * @param checkpoint  the cosigned checkpoint's note text (without signature lines)
     * @param cosignature the cosignature line, {@code "— <name> <base64>"}
     */
    record CosignatureBody(String witnessKey, String checkpoint, String cosignature) {
    }
}
