package dev.greenlight.ledger.export;

import dev.greenlight.ledger.verify.OfflineLedgerVerifier;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.InclusionProof;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.index.LedgerIndex;
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
 *
 * <p>The service exports from cursors over the topics (whole ledger) and from the on-disk index
 * (extracts), writing each line as it is read; the snapshot methods serve tests and the benchmark.
 */
public final class LedgerExporter {

    /** Format name and version written in the header line. */
    public static final String FORMAT = "greenlight-ledger-export/v1";

    private LedgerExporter() {
    }

    public static void exportAll(LedgerSnapshot snapshot, Writer out) {
        exportAll(snapshot.partitions().stream().map(ListCursor::new).toList(),
                new ListCursor<>(snapshot.checkpoints()), out);
    }

    /**
     * The whole ledger, written record by record as the cursors read it: nothing but the current line is
     * held, so the export of any ledger starts at once and needs constant memory.
     */
    public static void exportAll(List<? extends ItemCursor<LedgerItem>> partitions, ItemCursor<Checkpoint> checkpoints,
            Writer out) {
        ObjectNode header = header("ledger", partitions.size());
        line(out, header);
        for (ItemCursor<LedgerItem> partition : partitions) {
            while (partition.hasNext()) {
                LedgerItem item = partition.next();
                if (item instanceof LedgerItem.Recorded recorded) {
                    line(out, typed("entry", LedgerJson.entry(recorded.entry())).put("location", item.location()));
                } else if (item instanceof LedgerItem.Foreign foreign) {
                    line(out, LedgerJson.MAPPER.createObjectNode().put("type", "foreign")
                            .put("partition", foreign.partition()).put("location", foreign.location())
                            .put("why", foreign.why()));
                }
            }
        }
        while (checkpoints.hasNext()) {
            line(out, typed("checkpoint", LedgerJson.checkpoint(checkpoints.next())));
        }
        flush(out);
    }

    /**
     * An extract read from the on-disk index: the entries of {@code release} (a target, or
     * {@code target@version}; any when null) recorded in {@code [from, to)}, in ledger time order, each
     * with its inclusion proof against the latest checkpoint computed from the stored leaf and node
     * hashes, then that checkpoint. Entries are written as they are read from the index.
     */
    public static void exportExtract(LedgerIndex index, int partitions, String release, Instant from, Instant to,
            Writer out) {
        line(out, extractHeader(partitions, release, from, to));
        Optional<Checkpoint> latest = index.latestCheckpoint();
        long size = latest.map(Checkpoint::treeSize).orElse(0L);
        index.forEach(release, from == null ? null : from.toEpochMilli(), to == null ? null : to.toEpochMilli(),
                entry -> {
                    Optional<Long> leaf = index.leafIndexOf(entry.ledgerPartition(), entry.sequence());
                    if (leaf.isEmpty() || leaf.get() >= size || size > index.treeSize()) {
                        // Not in a signed tree yet: unprovable, so the verifier would refuse it; it is in
                        // the next extract once a checkpoint covers it.
                        return;
                    }
                    ObjectNode node = typed("entry", LedgerJson.entry(entry));
                    node.set("inclusion", LedgerJson.proof(new InclusionProof(leaf.get(), size,
                            index.inclusionProof(leaf.get(), size))));
                    line(out, node);
                });
        latest.ifPresent(checkpoint -> line(out, typed("checkpoint", LedgerJson.checkpoint(checkpoint))));
        flush(out);
    }

    private static ObjectNode extractHeader(int partitions, String release, Instant from, Instant to) {
        ObjectNode header = header("release", partitions);
        if (release != null) {
            header.put("release", release);
        }
        if (from != null) {
            header.put("from", from.toString());
        }
        if (to != null) {
            header.put("to", to.toString());
        }
        return header;
    }

    /** A list read as a cursor (a snapshot already in memory). */
    private static final class ListCursor<T> implements ItemCursor<T> {
        private final java.util.Iterator<T> items;

        ListCursor(List<T> items) {
            this.items = items.iterator();
        }

        @Override
        public boolean hasNext() {
            return items.hasNext();
        }

        @Override
        public T next() {
            return items.next();
        }
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
        line(out, extractHeader(snapshot.partitions().size(), release, from, to));
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
