package dev.greenlight.ledger.export;

import dev.greenlight.ledger.verify.OfflineLedgerVerifier;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.InclusionProof;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.TreeOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON Lines export {@link OfflineLedgerVerifier} reads. A full export holds every
 * record of every ledger partition (foreign ones too, so the offline verdict equals the online one)
 * and every checkpoint. An extract (scope {@code release}, of one release and/or a time range) holds
 * the selected entries the latest checkpoint covers, each with its inclusion proof against it, and that
 * checkpoint: the verifier refuses an extract entry without a proof, so entries recorded since the
 * latest checkpoint wait for the next one.
 */
public final class LedgerExporter {

    /** Format name and version written in the header line. */
    public static final String FORMAT = "greenlight-ledger-export/v1";

    private LedgerExporter() {
    }

    public static void exportAll(LedgerSnapshot snapshot, Writer out) {
        ObjectNode header = header("ledger", snapshot.partitions().size());
        line(out, header);
        for (List<LedgerItem> partition : snapshot.partitions()) {
            for (LedgerItem item : partition) {
                if (item instanceof LedgerItem.Recorded recorded) {
                    line(out, typed("entry", LedgerJson.entry(recorded.entry())).put("location", item.location()));
                } else if (item instanceof LedgerItem.Foreign foreign) {
                    line(out, LedgerJson.MAPPER.createObjectNode().put("type", "foreign")
                            .put("partition", foreign.partition()).put("location", foreign.location())
                            .put("why", foreign.why()));
                }
            }
        }
        for (Checkpoint checkpoint : snapshot.checkpoints()) {
            line(out, typed("checkpoint", LedgerJson.checkpoint(checkpoint)));
        }
        flush(out);
    }

    /** The entries whose target is {@code release}, provable against the latest checkpoint. */
    public static void exportRelease(LedgerSnapshot snapshot, String release, Writer out) {
        exportExtract(snapshot, release, null, null, out);
    }

    /**
     * An extract: the entries of {@code release} (any target when null) recorded in
     * {@code [from, to)} (open ends when null), each with its inclusion proof against the latest
     * checkpoint, and that checkpoint — what an auditor needs to check a period or a release
     * without the rest of the ledger.
     */
    public static void exportExtract(LedgerSnapshot snapshot, String release, Instant from, Instant to, Writer out) {
        ObjectNode header = header("release", snapshot.partitions().size());
        if (release != null) {
            header.put("release", release);
        }
        if (from != null) {
            header.put("from", from.toString());
        }
        if (to != null) {
            header.put("to", to.toString());
        }
        line(out, header);
        Optional<Checkpoint> latest = snapshot.checkpoints().isEmpty() ? Optional.empty()
                : Optional.of(snapshot.checkpoints().get(snapshot.checkpoints().size() - 1));
        List<Entry> leaves = TreeOrder.leaves(snapshot.validChains(skipped -> { }), snapshot.checkpoints());
        List<byte[]> leafHashes = TreeOrder.leafHashes(leaves);
        Map<String, Integer> leafIndex = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            leafIndex.put(leaves.get(i).position(), i);
        }
        for (Entry entry : snapshot.allEntries()) {
            if ((release != null && !entry.target().equals(release))
                    || (from != null && entry.recordedAt().isBefore(from))
                    || (to != null && !entry.recordedAt().isBefore(to))) {
                continue;
            }
            Integer index = leafIndex.get(entry.position());
            if (index == null || latest.isEmpty() || index >= latest.get().treeSize()) {
                continue; // not in a signed tree yet: unprovable, so in the next extract once checkpointed
            }
            ObjectNode node = typed("entry", LedgerJson.entry(entry));
            long size = latest.get().treeSize();
            node.set("inclusion", LedgerJson.proof(new InclusionProof(index, size,
                    MerkleTree.inclusionProof(leafHashes, index, size))));
            line(out, node);
        }
        latest.ifPresent(checkpoint -> line(out, typed("checkpoint", LedgerJson.checkpoint(checkpoint))));
        flush(out);
    }

    private static ObjectNode header(String scope, int partitions) {
        return LedgerJson.MAPPER.createObjectNode().put("type", "header").put("format", FORMAT)
                .put("scope", scope).put("partitions", partitions);
    }

    private static ObjectNode typed(String type, ObjectNode body) {
        ObjectNode node = LedgerJson.MAPPER.createObjectNode().put("type", type);
        node.setAll(body);
        return node;
    }

    private static void line(Writer out, ObjectNode node) {
        try {
            out.write(LedgerJson.MAPPER.writeValueAsString(node));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
