package dev.greenlight.ledger.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Proves that a whole-ledger export extends a checkpoint an auditor saved earlier
 * ({@code greenlight ledger checkpoint}): the export's own tree gives the root at the saved size and
 * an RFC 9162 consistency proof from there to the export's latest checkpoint, which is then verified
 * with the section 2.1.4.2 algorithm against the saved root and the latest checkpoint's root. It
 * runs beside the export verifier (which checks chains and signatures) and re-reads the file, so it
 * depends only on the export format, not on how that verifier is built.
 */
public final class SavedCheckpointCheck {

    private final NoteKey logKey;

    /** {@code logKey}: the ledger's key, named by its origin (the saved note's first line). */
    public SavedCheckpointCheck(NoteKey logKey) {
        this.logKey = logKey;
    }

    /** Whether the export at {@code export} extends {@code saved} (which must be signed by the log key). */
    public Consistency check(SignedNote saved, Path export) throws IOException {
        if (!saved.verifiedBy(logKey)) {
            return Consistency.rewritten("the saved checkpoint carries no valid signature of " + logKey.verifierKey());
        }
        CheckpointNote old = CheckpointNote.parse(saved.text());
        List<List<Entry>> chains = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (!"ledger".equals(read(export, chains, checkpoints))) {
            return Consistency.truncated("the export is an extract, not the whole ledger: only a whole-ledger export"
                    + " (greenlight ledger export without filters) rebuilds the tree a consistency proof needs");
        }
        if (checkpoints.isEmpty()) {
            return Consistency.truncated("the export has no checkpoint; the saved one covers " + old.treeSize()
                    + " entries");
        }
        Checkpoint latest = checkpoints.get(checkpoints.size() - 1);
        List<byte[]> hashes = TreeOrder.leafHashes(TreeOrder.leaves(chains, checkpoints));
        if (latest.treeSize() < old.treeSize() || hashes.size() < old.treeSize()) {
            return Consistency.truncated("the export covers " + Math.min(latest.treeSize(), hashes.size())
                    + " checkpointed entries, the saved checkpoint " + old.treeSize()
                    + ": the ledger was truncated after the checkpoint was saved");
        }
        if (hashes.size() < latest.treeSize()) {
            return Consistency.truncated("the export's latest checkpoint covers " + latest.treeSize()
                    + " entries but the export holds only " + hashes.size() + " of them");
        }
        if (old.treeSize() == 0) {
            return Consistency.consistent("every tree extends the empty tree");
        }
        byte[] rebuilt = MerkleTree.root(hashes.subList(0, (int) old.treeSize()));
        if (!java.util.Arrays.equals(rebuilt, old.rootHash())) {
            return Consistency.rewritten("at tree size " + old.treeSize() + " the export's root is "
                    + Sha256.hex(rebuilt) + ", the saved checkpoint's " + Sha256.hex(old.rootHash())
                    + ": entries before it were rewritten");
        }
        List<byte[]> proof = old.treeSize() == latest.treeSize() ? List.of()
                : MerkleTree.consistencyProof(hashes, old.treeSize(), latest.treeSize());
        return Consistency.check(old.treeSize(), old.rootHash(), latest.treeSize(), latest.rootHash(), proof);
    }

    /**
     * Reads entries and checkpoints; answers "release" when any entry carries an inclusion proof (an
     * extract), else "ledger". Like the verifier, it decides from the data, never from the header's claim.
     */
    private static String read(Path export, List<List<Entry>> chains, List<Checkpoint> checkpoints)
            throws IOException {
        String scope = "ledger";
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = LedgerJson.MAPPER.readTree(line);
                } catch (JacksonException e) {
                    continue;
                }
                switch (node.path("type").asString("")) {
                    case "entry" -> {
                        if (node.has("inclusion")) {
                            scope = "release";
                        }
                        entry(node).ifPresent(entry -> add(chains, entry));
                    }
                    case "checkpoint" -> checkpoints.add(LedgerJson.checkpoint(node));
                    default -> { }
                }
            }
        }
        for (Checkpoint checkpoint : checkpoints) {
            for (PartitionHead head : checkpoint.heads()) {
                while (chains.size() <= head.partition()) {
                    chains.add(new ArrayList<>());
                }
            }
        }
        return scope;
    }

    private static Optional<Entry> entry(JsonNode node) {
        try {
            return Optional.of(LedgerJson.entry(node));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps each partition's chain contiguous from sequence 0: anything after a gap is not part of the tree. */
    private static void add(List<List<Entry>> chains, Entry entry) {
        int p = entry.ledgerPartition();
        if (p < 0) {
            return;
        }
        while (chains.size() <= p) {
            chains.add(new ArrayList<>());
        }
        List<Entry> chain = chains.get(p);
        if (entry.sequence() == chain.size()) {
            chain.add(entry);
        }
    }
}
