package dev.greenlight.ledger.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a JSON Lines export with nothing but the file and the ledger's public key: no Kafka, no
 * registry, no Greenlight service. The entry point for the CLI and for auditors
 * ({@code java -jar ledger-verify-<version>-standalone.jar ledger.jsonl public-key.b64}).
 *
 * <p>The verdict is decided from the data, never from what the header claims (docs/ledger.md §5):
 * a file none of whose entries carries an inclusion proof is a whole-ledger export and must chain
 * from genesis on every partition ({@link LedgerVerifier}); a file in which any entry carries one is
 * an extract, and then every entry must carry one against a signed checkpoint in the file
 * ({@link ExtractVerifier}). Either way a file without a checkpoint proves nothing and is broken.
 * Line numbers are the locations in the report. A line that is not valid JSON (a key named twice
 * included) or not a known record type counts as a foreign record of the partition it names (0 if
 * none), like a foreign record on the topic; a file that is not UTF-8 cannot be read.
 *
 * <p>The file is read as bytes ({@link ExportLines}) and entry lines are decoded in place, without a
 * {@code String} per line or per field ({@link ExportEntryParser}): decoding, not hashing, bounds the
 * whole path an auditor runs (docs/ledger.md §10).
 */
public final class OfflineLedgerVerifier {

    /** How the exporter starts every entry line; other lines (and odd entry lines) go through the tree reader. */
    private static final byte[] ENTRY_LINE = "{\"type\":\"entry\",".getBytes(StandardCharsets.US_ASCII);

    /**
     * The tree reader for every line the streaming reader does not take: a duplicated key anywhere makes
     * the line unreadable (a line that two readers could read two ways proves nothing).
     */
    private static final JsonMapper TREE = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final LedgerVerifier.Progress progress;
    private final int threads;
    /** Whether entry lines in the exporter's exact layout are read by {@link ExportLineScanner} first. */
    private final boolean fastPath;

    /** @param threads hashing threads for a whole-ledger export */
    public OfflineLedgerVerifier(LedgerVerifier.Progress progress, int threads) {
        this(progress, threads, true);
    }

    /**
     * @param fastPath false reads every line with the strict readers only: what the fast path must agree
     *                 with ({@code ExportFastPathTest}) and what the benchmark compares it to
     */
    OfflineLedgerVerifier(LedgerVerifier.Progress progress, int threads, boolean fastPath) {
        this.progress = progress;
        this.threads = threads;
        this.fastPath = fastPath;
    }

    /** Hashes on every available core. */
    public OfflineLedgerVerifier(LedgerVerifier.Progress progress) {
        this(progress, Runtime.getRuntime().availableProcessors());
    }

    public OfflineLedgerVerifier() {
        this((done, total) -> { });
    }

    /** One line of the export, parsed on any thread; assembled in file order afterwards. */
    private sealed interface Line {
    }

    private record EntryLine(Entry entry, Optional<InclusionProof> proof, String location) implements Line {
    }

    private record CheckpointLine(Checkpoint checkpoint, String location) implements Line {
    }

    private record BadCheckpoint(String location, String why) implements Line {
    }

    private record ForeignLine(int partition, String location, String why) implements Line {
    }

    private record HeaderLine(int partitions) implements Line {
    }

    /** Bytes of the export parsed per task, and tasks in flight per thread (bounds the lines held in memory). */
    private static final int CHUNK_BYTES = 1 << 18;
    private static final int IN_FLIGHT_PER_THREAD = 4;

    /** Verifies {@code jsonl} against one key, valid at all times. */
    public VerificationReport verify(Path jsonl, PublicKey publicKey) throws IOException {
        return verify(jsonl, LedgerKeyRing.of(publicKey));
    }

    /** Verifies {@code jsonl} against the ledger's key ring (every key it signed with, and when). */
    public VerificationReport verify(Path jsonl, LedgerKeyRing publicKey) throws IOException {
        try (InputStream in = Files.newInputStream(jsonl)) {
            return verify(in, publicKey);
        }
    }

    /**
     * Verifies the export read from {@code export} (UTF-8 JSON Lines, not closed here) against the key ring.
     * The lines stay bytes: chunks of them are parsed on the hashing threads, entry lines without a
     * {@code String} per line or per field ({@link ExportEntryParser}).
     */
    public VerificationReport verify(InputStream export, LedgerKeyRing publicKey) throws IOException {
        Assembly assembly = new Assembly();
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            ExportLines lines = new ExportLines(export, CHUNK_BYTES);
            ArrayDeque<Future<List<Line>>> inFlight = new ArrayDeque<>();
            ExportLines.Chunk chunk;
            while ((chunk = lines.next()) != null) {
                assembly.lines += chunk.count();
                submit(pool, chunk, inFlight, assembly);
            }
            while (!inFlight.isEmpty()) {
                assembly.addAll(take(inFlight.poll()));
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return assembly.verify(publicKey);
    }

    private void submit(ForkJoinPool pool, ExportLines.Chunk chunk, ArrayDeque<Future<List<Line>>> inFlight,
            Assembly assembly) {
        if (pool == null) {
            assembly.addAll(parse(chunk, fastPath));
            return;
        }
        if (inFlight.size() >= IN_FLIGHT_PER_THREAD * threads) {
            assembly.addAll(take(inFlight.poll()));
        }
        inFlight.add(pool.submit(() -> parse(chunk, fastPath)));
    }

    private static List<Line> take(Future<List<Line>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** The lines of one chunk, with one scanner and one streaming parser whose buffers serve every line of it. */
    private static List<Line> parse(ExportLines.Chunk chunk, boolean fastPath) {
        ExportLineScanner scanner = fastPath ? new ExportLineScanner() : null;
        ExportEntryParser entries = new ExportEntryParser();
        List<Line> parsed = new ArrayList<>(chunk.count());
        byte[] bytes = chunk.bytes();
        for (int i = 0; i < chunk.count(); i++) {
            Line line = parse(scanner, entries, bytes, chunk.starts()[i], chunk.ends()[i],
                    "line " + (chunk.first() + i));
            if (line != null) {
                parsed.add(line);
            }
        }
        return parsed;
    }

    /**
     * One line; null for a blank one. Pure but for the readers' buffers, so lines are parsed on any thread.
     * An entry line in the exporter's exact layout is read by the scanner (null: no fast path); any other
     * line, or one the scanner does not take, by the strict streaming reader, then the tree reader.
     */
    private static Line parse(ExportLineScanner scanner, ExportEntryParser entries, byte[] bytes, int from, int to,
            String location) {
        if (scanner != null) {
            ExportEntryParser.Parsed scanned = scanner.scan(bytes, from, to);
            if (scanned != null && scanned.entry().ledgerPartition() >= 0) {
                return new EntryLine(scanned.entry(), scanned.inclusion(), location);
            }
        }
        if (to - from >= ENTRY_LINE.length
                && Arrays.equals(bytes, from, from + ENTRY_LINE.length, ENTRY_LINE, 0, ENTRY_LINE.length)) {
            Optional<ExportEntryParser.Parsed> parsed = fastEntry(entries, bytes, from, to);
            if (parsed.isPresent()) {
                return new EntryLine(parsed.get().entry(), parsed.get().inclusion(), location);
            }
        }
        // Well-formed UTF-8 (ExportLines checked it), so this is exactly the text the line holds.
        return parse(new String(bytes, from, to - from, StandardCharsets.UTF_8), location);
    }

    /** A line the streaming reader did not take, through the tree reader; null for a blank one. */
    private static Line parse(String line, String location) {
        if (line.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = TREE.readTree(line);
        } catch (JacksonException e) {
            return new ForeignLine(0, location, "not JSON: " + e.getOriginalMessage());
        }
        String type = node.path("type").asString("");
        switch (type) {
            case "header" -> {
                return new HeaderLine(node.path("partitions").asInt(0));
            }
            case "entry" -> {
                int partition = node.path("ledgerPartition").asInt(0);
                try {
                    Optional<InclusionProof> proof = node.has("inclusion")
                            ? Optional.of(LedgerJson.proof(node.get("inclusion"))) : Optional.empty();
                    return new EntryLine(LedgerJson.entry(node), proof, location);
                } catch (RuntimeException e) {
                    return new ForeignLine(partition, location, "malformed entry: " + e.getMessage());
                }
            }
            case "checkpoint" -> {
                try {
                    return new CheckpointLine(LedgerJson.checkpoint(node), location);
                } catch (RuntimeException e) {
                    return new BadCheckpoint(location, "malformed checkpoint: " + e.getMessage());
                }
            }
            default -> {
                return new ForeignLine(node.path("partition").asInt(0), location,
                        "unknown record type '" + type + "'");
            }
        }
    }

    /** The parsed lines in file order, and the decision what kind of file it is. */
    private final class Assembly {
        private final List<List<LedgerItem>> partitions = new ArrayList<>();
        private final List<ExtractVerifier.ProvenEntry> proven = new ArrayList<>();
        private final List<Checkpoint> checkpoints = new ArrayList<>();
        private final List<String> checkpointLines = new ArrayList<>();
        private LedgerItem.Foreign firstForeign;
        private Failure badCheckpoint;
        private boolean anyProof;
        private int lines;

        void addAll(List<Line> parsed) {
            parsed.forEach(this::add);
        }

        private void add(Line line) {
            if (line instanceof EntryLine e) {
                OfflineLedgerVerifier.add(partitions, e.entry().ledgerPartition(),
                        new LedgerItem.Recorded(e.entry(), e.location()));
                proven.add(new ExtractVerifier.ProvenEntry(e.entry(), e.location(), e.proof()));
                anyProof |= e.proof().isPresent();
            } else if (line instanceof CheckpointLine c) {
                checkpoints.add(c.checkpoint());
                checkpointLines.add(c.location());
            } else if (line instanceof BadCheckpoint b) {
                if (badCheckpoint == null) {
                    badCheckpoint = new Failure(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID, -1, checkpoints.size(),
                            b.location(), b.why());
                }
            } else if (line instanceof ForeignLine f) {
                LedgerItem.Foreign foreign = new LedgerItem.Foreign(Math.max(f.partition(), 0), f.location(), f.why());
                OfflineLedgerVerifier.add(partitions, f.partition(), foreign);
                firstForeign = firstForeign == null ? foreign : firstForeign;
            } else if (line instanceof HeaderLine h) {
                // Informational only (scope, release, period): nothing in it changes the verdict.
                while (partitions.size() < Math.min(h.partitions(), 1024)) {
                    partitions.add(new ArrayList<>());
                }
            }
        }

        VerificationReport verify(LedgerKeyRing publicKey) {
            if (badCheckpoint != null) {
                return broken(badCheckpoint);
            }
            if (checkpoints.isEmpty()) {
                return broken(new Failure(Failure.Reason.NO_CHECKPOINT, -1, 0, "end of file (line " + lines + ")",
                        "the export holds no checkpoint, so nothing in it is signed"));
            }
            if (anyProof) {
                if (firstForeign != null) {
                    return broken(new Failure(Failure.Reason.FOREIGN_RECORD, firstForeign.partition(), 0,
                            firstForeign.location(), "not a ledger entry: " + firstForeign.why()));
                }
                return new ExtractVerifier(publicKey).verify(proven, checkpoints, checkpointLines);
            }
            return new LedgerVerifier(publicKey, progress, threads).verify(partitions, checkpoints, checkpointLines);
        }
    }

    private static VerificationReport broken(Failure failure) {
        return new VerificationReport(0, 0, 0, 0, new TreeMap<>(), Optional.of(failure));
    }

    /** Empty (use the tree reader) for anything the strict streaming reader does not accept. */
    private static Optional<ExportEntryParser.Parsed> fastEntry(ExportEntryParser entries, byte[] bytes, int from,
            int to) {
        try {
            ExportEntryParser.Parsed parsed = entries.parse(bytes, from, to - from);
            return parsed.entry().ledgerPartition() >= 0 ? Optional.of(parsed) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void add(List<List<LedgerItem>> partitions, int partition, LedgerItem item) {
        int p = Math.max(partition, 0);
        while (partitions.size() <= p) {
            partitions.add(new ArrayList<>());
        }
        partitions.get(p).add(item);
    }

    /**
     * {@code OfflineLedgerVerifier <export.jsonl> <public key: base64 X.509 or a file holding it>}:
     * prints {@code OK: ...} and exits 0, or {@code BROKEN: ...} and exits 1; 2 for bad arguments.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** {@link #main} without exiting: the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: java -jar ledger-verify-standalone.jar <export.jsonl> "
                    + "<public-key (base64 X.509, a key ring JSON, or a file holding either)>");
            return 2;
        }
        LedgerKeyRing key;
        try {
            key = LedgerKeyRing.read(args[1]);
        } catch (IOException | RuntimeException e) {
            err.println("cannot read the public key " + args[1] + ": " + e.getMessage());
            return 2;
        }
        VerificationReport report;
        try {
            report = new OfflineLedgerVerifier((done, total) -> err.printf("verified %d of %d entries%n", done, total))
                    .verify(Path.of(args[0]), key);
        } catch (IOException e) {
            err.println("cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
        if (report.ok()) {
            out.printf("OK: %d entries, %d checkpoints, tree size %d, %d not yet checkpointed%n",
                    report.entries(), report.checkpoints(), report.treeSize(), report.uncheckpointed());
            return 0;
        }
        out.println("BROKEN: " + report.failure().orElseThrow());
        return 1;
    }
}
