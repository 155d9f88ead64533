package dev.greenlight.ledger.web;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.kafka.SourceCompleteness;
import org.apache.kafka.common.TopicPartition;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.TreeOrder;
import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.ledger.export.LedgerExporter;
import dev.greenlight.ledger.index.EntryQuery;
import dev.greenlight.ledger.index.IndexPage;
import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.verify.LedgerJson;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.node.ObjectNode;

/**
 * The auditor's API over the committed ledger: verify, query, export, proofs, checkpoints (the keys
 * are {@link LedgerKeysController}'s).
 * Every answer is computed from the ledger topics as they are now, so it shows what an auditor
 * holding an export would see, not what the writer believes: verify, export and proofs re-read the
 * topics (they cover the whole ledger anyway); queries use the index, caught up with the topic first.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerController {

    private static final int MAX_PAGE_SIZE = 500;

    private final Supplier<LedgerSnapshot> ledger;
    private final LedgerKeyRing keys;
    private final IndexedLedger index;
    private final SourceCompleteness completeness;

    LedgerController(Supplier<LedgerSnapshot> ledger, LedgerKeyRing keys, IndexedLedger index,
            SourceCompleteness completeness) {
        this.ledger = ledger;
        this.keys = keys;
        this.index = index;
        this.completeness = completeness;
    }

    @GetMapping("/verify")
    VerificationView verify() {
        // Positions first: an entry committed after them can only make the completeness check pass.
        Map<TopicPartition, Long> positions = completeness.positions();
        LedgerSnapshot snapshot = ledger.get();
        VerificationReport report = new LedgerVerifier(keys).verify(snapshot.partitions(),
                snapshot.checkpoints());
        if (report.ok()) {
            Optional<Failure> gap = completeness.check(snapshot, positions);
            if (gap.isPresent()) {
                return VerificationView.of(report).withFailure(gap.get());
            }
        }
        return VerificationView.of(report);
    }

    @GetMapping("/entries")
    EntryPage entries(@RequestParam(required = false) String release, @RequestParam(required = false) String type,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
        }
        IndexPage found;
        try {
            found = index.query(new EntryQuery(release, type, from, to, page, size));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return new EntryPage(page, size, found.total(), found.items().stream().map(LedgerJson::entry).toList());
    }

    @GetMapping(value = "/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String release,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        LedgerSnapshot snapshot = ledger.get();
        boolean whole = release == null && from == null && to == null;
        StreamingResponseBody body = out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (whole) {
                LedgerExporter.exportAll(snapshot, writer);
            } else {
                LedgerExporter.exportExtract(snapshot, release, from, to, writer);
            }
        };
        String name = whole ? "ledger.jsonl" : "ledger-" + (release == null ? "extract" : release)
                .replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl";
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    @GetMapping("/proof/inclusion")
    ObjectNode inclusion(@RequestParam(required = false) Integer partition,
            @RequestParam(required = false) Long sequence, @RequestParam(required = false) Long index,
            @RequestParam(required = false) Long treeSize) {
        LedgerSnapshot snapshot = ledger.get();
        List<Entry> leaves = TreeOrder.leaves(snapshot.validChains(skipped -> { }), snapshot.checkpoints());
        long leafIndex;
        if (index != null) {
            leafIndex = index;
        } else if (partition != null && sequence != null) {
            leafIndex = indexOf(leaves, partition, sequence);
        } else {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give index, or partition and sequence");
        }
        long size = treeSize != null ? treeSize : latest(snapshot).treeSize();
        if (leafIndex < 0 || leafIndex >= size || size > leaves.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "leaf " + leafIndex + " is not in a checkpointed tree of size " + size);
        }
        List<byte[]> hashes = TreeOrder.leafHashes(leaves);
        Entry entry = leaves.get((int) leafIndex);
        ObjectNode proof = LedgerJson.MAPPER.createObjectNode();
        proof.put("leafIndex", leafIndex).put("treeSize", size)
                .put("ledgerPartition", entry.ledgerPartition()).put("sequence", entry.sequence())
                .put("entryHash", Sha256.hex(entry.entryHash()))
                .put("leafHash", Sha256.hex(hashes.get((int) leafIndex)))
                .put("rootHash", Sha256.hex(MerkleTree.root(hashes.subList(0, (int) size))));
        proof.set("path", LedgerJson.hashes(MerkleTree.inclusionProof(hashes, leafIndex, size)));
        checkpointOfSize(snapshot, size).ifPresent(c -> proof.set("checkpoint", LedgerJson.checkpoint(c)));
        return proof;
    }

    @GetMapping("/proof/consistency")
    ObjectNode consistency(@RequestParam long first, @RequestParam long second) {
        LedgerSnapshot snapshot = ledger.get();
        List<byte[]> hashes = TreeOrder.leafHashes(
                TreeOrder.leaves(snapshot.validChains(skipped -> { }), snapshot.checkpoints()));
        if (first < 1 || first > second || second > hashes.size()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "need 1 <= first <= second <= " + hashes.size() + " (checkpointed tree size)");
        }
        ObjectNode proof = LedgerJson.MAPPER.createObjectNode();
        proof.put("first", first).put("second", second)
                .put("firstRoot", Sha256.hex(MerkleTree.root(hashes.subList(0, (int) first))))
                .put("secondRoot", Sha256.hex(MerkleTree.root(hashes.subList(0, (int) second))));
        proof.set("path", LedgerJson.hashes(MerkleTree.consistencyProof(hashes, first, second)));
        return proof;
    }

    @GetMapping("/checkpoints/latest")
    ObjectNode latestCheckpoint() {
        return LedgerJson.checkpoint(latest(ledger.get()));
    }

    private static Checkpoint latest(LedgerSnapshot snapshot) {
        if (snapshot.checkpoints().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no checkpoint has been written yet");
        }
        return snapshot.checkpoints().get(snapshot.checkpoints().size() - 1);
    }

    private static java.util.Optional<Checkpoint> checkpointOfSize(LedgerSnapshot snapshot, long size) {
        return snapshot.checkpoints().stream().filter(c -> c.treeSize() == size).reduce((a, b) -> b);
    }

    private static long indexOf(List<Entry> leaves, int partition, long sequence) {
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i).ledgerPartition() == partition && leaves.get(i).sequence() == sequence) {
                return i;
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                "entry " + partition + "/" + sequence + " is not covered by a checkpoint yet");
    }
}
