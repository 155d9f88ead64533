package dev.greenlight.ledger.web;

import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.kafka.SourceCompleteness;
import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.ledger.verify.VerificationReport;
import org.apache.kafka.common.TopicPartition;
import dev.greenlight.ledger.export.LedgerExporter;
import dev.greenlight.ledger.index.EntryQuery;
import dev.greenlight.ledger.index.IndexPage;
import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.index.LedgerIndex;
import dev.greenlight.ledger.kafka.LedgerStreams;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.platform.topics.Topics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The auditor's API over the committed ledger: verify, query, export, proofs, checkpoints (the keys
 * are {@link LedgerKeysController}'s).
 * Every answer is computed from the ledger topics as they are now, so it shows what an auditor
 * holding an export would see, not what the writer believes. Nothing here holds the ledger on the
 * heap: verify and the full export stream the topics record by record ({@link LedgerStreams});
 * queries, extracts, proofs and checkpoints use the on-disk index, caught up with the topics first.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerController {

    private static final int MAX_PAGE_SIZE = 500;

    private final LedgerStreams streams;
    private final LedgerKeyRing keys;
    private final SourceCompleteness completeness;
    private final IndexedLedger index;

    LedgerController(LedgerStreams streams, LedgerKeyRing keys, IndexedLedger index,
            SourceCompleteness completeness) {
        this.streams = streams;
        this.keys = keys;
        this.completeness = completeness;
        this.index = index;
    }

    @GetMapping("/verify")
    VerificationView verify() {
        // Positions first: an entry committed after them can only make the completeness check pass.
        Map<TopicPartition, Long> positions = completeness.positions();
        VerificationReport report;
        try (LedgerStreams.Ledger ledger = streams.open()) {
            report = new LedgerVerifier(keys).verify(ledger.partitions(), ledger.checkpoints());
        }
        if (report.ok()) {
            Optional<Failure> gap;
            try (LedgerStreams.Ledger ledger = streams.open()) {
                gap = completeness.check(ledger.partitions(), positions);
            }
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

    /**
     * Written to the response in the request thread, not as a {@code StreamingResponseBody}: that one
     * runs as async processing under the container's async timeout (Tomcat: 30 s unless
     * {@code spring.mvc.async.request-timeout} says otherwise), which cut a long whole-ledger export
     * mid-line, so an auditor's file of a big ledger never arrived whole. Here no timeout applies: the
     * export takes as long as the ledger takes to read, and the client's read timeout is the only limit.
     */
    @GetMapping(value = "/export", produces = "application/x-ndjson")
    void export(@RequestParam(required = false) String release, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, HttpServletResponse response) throws IOException {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        boolean whole = release == null && from == null && to == null;
        String name = whole ? "ledger.jsonl" : "ledger-" + (release == null ? "extract" : release)
                .replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl";
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        OutputStreamWriter writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (whole) {
            try (LedgerStreams.Ledger ledger = streams.open()) {
                LedgerExporter.exportAll(ledger.partitions(), ledger.checkpoints(), writer);
            }
        } else {
            LedgerExporter.exportExtract(index.current(), Topics.LEDGER.partitions(), release, from, to, writer);
        }
        writer.flush();
    }

    @GetMapping("/proof/inclusion")
    ObjectNode inclusion(@RequestParam(required = false) Integer partition,
            @RequestParam(required = false) Long sequence, @RequestParam(required = false) Long index,
            @RequestParam(required = false) Long treeSize) {
        LedgerIndex ledger = this.index.current();
        long leafIndex;
        if (index != null) {
            leafIndex = index;
        } else if (partition != null && sequence != null) {
            leafIndex = ledger.leafIndexOf(partition, sequence).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "entry " + partition + "/" + sequence + " is not covered by a checkpoint yet"));
        } else {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give index, or partition and sequence");
        }
        long size = treeSize != null ? treeSize : latest(ledger).treeSize();
        if (leafIndex < 0 || leafIndex >= size || size > ledger.treeSize()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "leaf " + leafIndex + " is not in a checkpointed tree of size " + size);
        }
        Entry entry = ledger.leaf(leafIndex).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "leaf " + leafIndex + " is not in the index"));
        ObjectNode proof = LedgerJson.MAPPER.createObjectNode();
        proof.put("leafIndex", leafIndex).put("treeSize", size)
                .put("ledgerPartition", entry.ledgerPartition()).put("sequence", entry.sequence())
                .put("entryHash", Sha256.hex(entry.entryHash()))
                .put("leafHash", Sha256.hex(ledger.leafHash(leafIndex)))
                .put("rootHash", Sha256.hex(ledger.rootAt(size)));
        proof.set("path", LedgerJson.hashes(ledger.inclusionProof(leafIndex, size)));
        ledger.checkpointOfSize(size).ifPresent(c -> proof.set("checkpoint", LedgerJson.checkpoint(c)));
        return proof;
    }

    @GetMapping("/proof/consistency")
    ObjectNode consistency(@RequestParam long first, @RequestParam long second) {
        LedgerIndex ledger = index.current();
        if (first < 1 || first > second || second > ledger.treeSize()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "need 1 <= first <= second <= " + ledger.treeSize() + " (checkpointed tree size)");
        }
        ObjectNode proof = LedgerJson.MAPPER.createObjectNode();
        proof.put("first", first).put("second", second)
                .put("firstRoot", Sha256.hex(ledger.rootAt(first)))
                .put("secondRoot", Sha256.hex(ledger.rootAt(second)));
        proof.set("path", LedgerJson.hashes(ledger.consistencyProof(first, second)));
        return proof;
    }

    @GetMapping("/checkpoints/latest")
    ObjectNode latestCheckpoint() {
        return LedgerJson.checkpoint(latest(index.current()));
    }

    private static Checkpoint latest(LedgerIndex ledger) {
        return ledger.latestCheckpoint().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no checkpoint has been written yet"));
    }
}
