package dev.greenlight.ledger.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A small two-partition ledger with checkpoints, written as an export, for the note and consistency tests. */
final class NoteLedger {

    static final String ORIGIN = "greenlight.test/ledger";

    final List<List<Entry>> chains = List.of(new ArrayList<>(), new ArrayList<>());
    final List<Checkpoint> checkpoints = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();
    private final CheckpointSigner signer;
    private final String flavour;

    /** {@code flavour} changes every payload: same key, different history. */
    NoteLedger(KeyPair keys, String flavour) {
        this.signer = new CheckpointSigner(keys, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        this.flavour = flavour;
    }

    NoteLedger append(int count) {
        for (int i = 0; i < count; i++) {
            int partition = (chains.get(0).size() + chains.get(1).size()) % 2;
            List<Entry> chain = chains.get(partition);
            byte[] previous = chain.isEmpty() ? new byte[32] : chain.get(chain.size() - 1).entryHash();
            byte[] payload = (flavour + "-" + partition + "-" + chain.size()).getBytes(StandardCharsets.UTF_8);
            Entry draft = new Entry(partition, chain.size(), previous, new byte[32],
                    Instant.parse("2026-12-01T00:00:00Z"), "e-" + partition + "-" + chain.size(), "svc", "target",
                    "greenlight.approvals", 0, chain.size(), "src", "dev.greenlight.events.Thing", 1, payload,
                    Sha256.of(payload));
            Entry entry = new Entry(partition, chain.size(), previous, EntryEncoding.hash(draft), draft.recordedAt(),
                    draft.entryId(), draft.principal(), draft.target(), draft.sourceTopic(), 0, draft.sourceOffset(),
                    draft.sourceEventId(), draft.eventType(), 1, payload, draft.payloadSha256());
            chain.add(entry);
        }
        return this;
    }

    /** Signs a checkpoint over everything appended so far (leaf order: partition, then sequence). */
    Checkpoint checkpoint() {
        List<PartitionHead> heads = new ArrayList<>();
        long[] covered = covered();
        for (int p = 0; p < 2; p++) {
            List<Entry> chain = chains.get(p);
            for (long s = covered[p] + 1; s < chain.size(); s++) {
                leaves.add(MerkleTree.leafHash(chain.get((int) s).entryHash()));
            }
            heads.add(chain.isEmpty() ? new PartitionHead(p, -1, new byte[32])
                    : new PartitionHead(p, chain.size() - 1, chain.get(chain.size() - 1).entryHash()));
        }
        Checkpoint checkpoint = signer.sign(leaves.size(), MerkleTree.root(leaves), heads);
        checkpoints.add(checkpoint);
        return checkpoint;
    }

    private long[] covered() {
        long[] covered = {-1, -1};
        if (!checkpoints.isEmpty()) {
            for (PartitionHead head : checkpoints.get(checkpoints.size() - 1).heads()) {
                covered[head.partition()] = head.sequence();
            }
        }
        return covered;
    }

    List<byte[]> leafHashes() {
        return List.copyOf(leaves);
    }

    /** The latest checkpoint as a signed note. */
    SignedNote note(KeyPair keys) {
        NoteKey key = NoteKey.of(ORIGIN, NoteKey.ED25519, keys.getPublic());
        return SignedNote.sign(CheckpointNote.of(ORIGIN, checkpoints.get(checkpoints.size() - 1)).body(), key,
                keys.getPrivate());
    }

    /** An export in the JSON Lines format, entries of each partition then the checkpoints. */
    Path export(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"header\",\"format\":\"greenlight-ledger-export/v1\",\"scope\":\"ledger\",\"partitions\":2}");
        for (List<Entry> chain : chains) {
            for (Entry entry : chain) {
                lines.add(LedgerJson.MAPPER.createObjectNode().put("type", "entry").setAll(LedgerJson.entry(entry))
                        .toString());
            }
        }
        for (Checkpoint checkpoint : checkpoints) {
            lines.add(LedgerJson.MAPPER.createObjectNode().put("type", "checkpoint")
                    .setAll(LedgerJson.checkpoint(checkpoint)).toString());
        }
        return Files.write(file, lines);
    }
}
