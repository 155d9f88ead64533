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
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * <p>The file is read as bytes and entry lines are decoded in place, without a {@code String} per line or
 * per field ({@link ExportLineScanner}, {@link ExportEntryParser}): decoding, not hashing, bounds the whole
 * path an auditor runs (docs/ledger.md §10). A file is cut into byte ranges that every thread reads, splits
 * into lines, decodes and hashes on its own ({@link ExportRegions}); a stream is split into lines on the
 * caller's thread ({@link ExportLines}) and decoded and hashed on every thread. Either way the caller's
 * thread only assembles the results in file order ({@link HashedExport}) and walks them ({@link ChainWalk}).
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

    /** An entry line as read; {@code index} is the line's place in its block. */
    private record EntryLine(Entry entry, InclusionProof proof, int index) implements Line {
    }

    /** Lines are numbered from 1; {@code index} is the line's place in its block until it is assembled. */
    /** {@code refusal}: why the key ring refuses its signature, checked on the thread that read it (null before). */
    private record CheckpointLine(Checkpoint checkpoint, int index, Optional<String> refusal) implements Line {
    }

    private record BadCheckpoint(int index, String why) implements Line {
    }

    private record ForeignLine(int partition, int index, String why) implements Line {
    }

    private record HeaderLine(int partitions) implements Line {
    }

    /**
     * The lines of one run of the file (a chunk of a stream, a byte range of a file), parsed and hashed: the
     * entries in flat arrays, so assembling them in file order touches neither the entries nor an object per
     * line (the caller's thread does it, and it is sequential); the other lines, rare, as objects.
     */
    private static final class Block {
        Entry[] entries;
        int[] partitions;
        /** The entry's line index in the block. */
        int[] indexes;
        /** The {@link EntryHasher} status of each entry (or {@link HashedExport#HASH_AGAIN}), LINKED included. */
        byte[] states;
        /** The entries' leaf hashes, 32 bytes each. */
        byte[] leaves;
        /** Each entry's inclusion proof; null when none has one. */
        InclusionProof[] proofs;
        int entryCount;
        final List<Line> others = new ArrayList<>();
        /** For each other line, how many of the block's entries come before it. */
        final List<Integer> othersAfter = new ArrayList<>();
        /** Every line of the run, blank ones included: how far the line numbers advance. */
        int lineCount;
        /** The index of a line that is not UTF-8 (the file cannot be read), or -1; and why. */
        int notUtf8 = -1;
        String why;
        /** Set when assembled: the number of the line before the block's first. */
        long base;

        /** Room for twice as many entries (a run's entry count is known only once it is read). */
        void grow() {
            int size = 2 * entries.length;
            entries = Arrays.copyOf(entries, size);
            partitions = Arrays.copyOf(partitions, size);
            indexes = Arrays.copyOf(indexes, size);
            states = Arrays.copyOf(states, size);
            leaves = Arrays.copyOf(leaves, size * Sha256.LENGTH);
            proofs = proofs == null ? null : Arrays.copyOf(proofs, size);
        }
    }

    /** Bytes of a stream parsed per task, and tasks in flight per thread (bounds the bytes held in memory). */
    private static final int CHUNK_BYTES = 1 << 18;
    private static final int IN_FLIGHT_PER_THREAD = 4;
    /** Bytes of a file per range: each range is read, split into lines, parsed and hashed by one task. */
    static final int REGION_BYTES = 1 << 20;

    /** Verifies {@code jsonl} against one key, valid at all times. */
    public VerificationReport verify(Path jsonl, PublicKey publicKey) throws IOException {
        return verify(jsonl, LedgerKeyRing.of(publicKey));
    }

    /**
     * Verifies {@code jsonl} against the ledger's key ring (every key it signed with, and when). A regular file
     * is cut into byte ranges that every thread reads, splits into lines, parses and hashes on its own
     * ({@link ExportRegions}): reading the file is not sequential; anything else is read as a stream.
     */
    public VerificationReport verify(Path jsonl, LedgerKeyRing publicKey) throws IOException {
        return verify(jsonl, publicKey, REGION_BYTES);
    }

    /** {@link #verify(Path, LedgerKeyRing)} with ranges of {@code regionBytes} (tests use tiny ones). */
    VerificationReport verify(Path jsonl, LedgerKeyRing publicKey, int regionBytes) throws IOException {
        if (!Files.isRegularFile(jsonl)) {
            try (InputStream in = Files.newInputStream(jsonl)) {
                return verify(in, publicKey);
            }
        }
        try (FileChannel channel = FileChannel.open(jsonl, StandardOpenOption.READ)) {
            ExportRegions regions = new ExportRegions(channel, channel.size(), regionBytes);
            long count = regions.count();
            ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(regions::buffer);
            boolean fast = fastPath;
            return run(new Tasks() {
                private long next;

                @Override
                public Callable<Block> next() {
                    if (next >= count) {
                        return null;
                    }
                    long k = next++;
                    return () -> {
                        ExportLines.Run region = regions.read(k, buffers.get());
                        return parse(region, fast, publicKey);
                    };
                }
            }, publicKey);
        }
    }

    /**
     * Verifies the export read from {@code export} (UTF-8 JSON Lines, not closed here) against the key ring.
     * The lines stay bytes: they are found on the caller's thread ({@link ExportLines}), and chunks of them
     * parsed and hashed on the hashing threads, entry lines without a {@code String} per line or per field.
     */
    public VerificationReport verify(InputStream export, LedgerKeyRing publicKey) throws IOException {
        ExportLines lines = new ExportLines(export, CHUNK_BYTES);
        boolean fast = fastPath;
        return run(() -> {
            ExportLines.Run run = lines.next();
            return run == null ? null : () -> parse(run, fast, publicKey);
        }, publicKey);
    }

    /** Where the blocks of lines come from, one task per block, asked for on the caller's thread. */
    @FunctionalInterface
    private interface Tasks {
        /** The next block's task, or null at the end. */
        Callable<Block> next() throws IOException;
    }

    /** Runs the tasks (on the pool, a bounded number in flight), assembles their blocks in order, verifies. */
    private VerificationReport run(Tasks tasks, LedgerKeyRing publicKey) throws IOException {
        Assembly assembly = new Assembly();
        // A plain pool, not a fork-join one: a caller waiting for a fork-join task may run queued ones itself,
        // and the caller's thread is the sequential part (assembly, walk), which must stay only that.
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ledger-verify-read");
            thread.setDaemon(true);
            return thread;
        }) : null;
        try {
            ArrayDeque<Future<Block>> inFlight = new ArrayDeque<>();
            Callable<Block> task;
            while ((task = tasks.next()) != null) {
                if (pool == null) {
                    assembly.add(call(task));
                    continue;
                }
                if (inFlight.size() >= IN_FLIGHT_PER_THREAD * threads) {
                    assembly.add(take(inFlight.poll()));
                }
                inFlight.add(pool.submit(task));
            }
            while (!inFlight.isEmpty()) {
                assembly.add(take(inFlight.poll()));
            }
            return assembly.verify(publicKey, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Block call(Callable<Block> task) throws IOException {
        try {
            return task.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Block take(Future<Block> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The lines of one run, with one scanner, one streaming parser and one hasher serving every line of it:
     * each entry is hashed as soon as it is read, while its bytes are in this core's cache, and marked
     * {@link EntryHasher#LINKED} when it extends the entry on the (non-blank) line before it. A line in the
     * exporter's exact layout is read by the scanner, which finds where it ends on the way
     * ({@link ExportLineScanner#scanLine}); any other line is found by {@link ExportLines#lineEnd}, checked to
     * be UTF-8 when it holds a byte above 0x7F (the first that is not ends the block: the file cannot be read,
     * so the lines before it are not needed), and read by the strict readers.
     */
    private static Block parse(ExportLines.Run run, boolean fastPath, LedgerKeyRing keys) {
        Block block = new Block();
        byte[] bytes = run.bytes();
        int to = run.to();
        int capacity = Math.max(16, (to - run.from()) >> 9);
        block.entries = new Entry[capacity];
        block.partitions = new int[capacity];
        block.indexes = new int[capacity];
        block.states = new byte[capacity];
        block.leaves = new byte[capacity * Sha256.LENGTH];
        ExportLineScanner scanner = fastPath ? new ExportLineScanner() : null;
        ExportEntryParser entries = new ExportEntryParser();
        EntryHasher hasher = new EntryHasher();
        Entry previous = null;
        int i = 0;
        for (int pos = run.from(); pos < to; i++) {
            Line line = null;
            int end = -1;
            if (scanner != null) {
                ExportEntryParser.Parsed scanned = scanner.scanLine(bytes, pos, to);
                if (scanned != null && scanned.entry().ledgerPartition() >= 0) {
                    line = new EntryLine(scanned.entry(), scanned.inclusion().orElse(null), i);
                    end = scanner.end();
                }
            }
            if (end < 0) {
                int found = ExportLines.lineEnd(bytes, pos, to);
                end = found < 0 ? ~found : found;
                String why = found < 0 ? ExportLines.malformed(bytes, pos, end) : null;
                if (why != null) {
                    block.notUtf8 = i;
                    block.why = why;
                    return block;
                }
                line = parse(entries, bytes, pos, end, i);
            }
            pos = ExportLines.nextLine(bytes, end, to);
            if (line == null) {
                continue;
            }
            if (line instanceof CheckpointLine c) {
                // Ed25519 costs about a millisecond: checked here, on the reading threads, not in the walk.
                line = new CheckpointLine(c.checkpoint(), c.index(), keys.refusal(c.checkpoint()));
            }
            if (!(line instanceof EntryLine e)) {
                block.others.add(line);
                block.othersAfter.add(block.entryCount);
                previous = null;
                continue;
            }
            Entry entry = e.entry();
            int n = block.entryCount++;
            if (n == block.entries.length) {
                block.grow();
            }
            byte state;
            try {
                state = hasher.hash(entry, block.leaves, n * Sha256.LENGTH);
            } catch (RuntimeException cannotEncode) {
                state = HashedExport.HASH_AGAIN;
                hasher = new EntryHasher();
            }
            boolean linked = previous != null && entry.ledgerPartition() >= 0
                    && entry.ledgerPartition() == previous.ledgerPartition()
                    && entry.sequence() == previous.sequence() + 1
                    && Arrays.equals(entry.previousHash(), previous.entryHash());
            block.states[n] = state == EntryHasher.OK && linked ? EntryHasher.LINKED : state;
            block.entries[n] = entry;
            block.partitions[n] = entry.ledgerPartition();
            block.indexes[n] = i;
            if (e.proof() != null) {
                if (block.proofs == null) {
                    block.proofs = new InclusionProof[block.entries.length];
                }
                block.proofs[n] = e.proof();
            }
            previous = entry;
        }
        block.lineCount = i;
        return block;
    }

    /**
     * One line that the scanner did not take; null for a blank one. Pure but for the reader's buffers, so
     * lines are parsed on any thread: an entry line through the strict streaming reader, then (and any other
     * line) the tree reader.
     */
    private static Line parse(ExportEntryParser entries, byte[] bytes, int from, int to, int index) {
        if (to - from >= ENTRY_LINE.length
                && Arrays.equals(bytes, from, from + ENTRY_LINE.length, ENTRY_LINE, 0, ENTRY_LINE.length)) {
            Optional<ExportEntryParser.Parsed> parsed = fastEntry(entries, bytes, from, to);
            if (parsed.isPresent()) {
                return new EntryLine(parsed.get().entry(), parsed.get().inclusion().orElse(null), index);
            }
        }
        // Well-formed UTF-8 (checked when the line was found), so this is exactly the text the line holds.
        return parse(new String(bytes, from, to - from, StandardCharsets.UTF_8), index);
    }

    /** A line the streaming reader did not take, through the tree reader; null for a blank one. */
    private static Line parse(String line, int index) {
        if (line.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = TREE.readTree(line);
        } catch (JacksonException e) {
            return new ForeignLine(0, index, "not JSON: " + e.getOriginalMessage());
        }
        String type = node.path("type").asString("");
        switch (type) {
            case "header" -> {
                return new HeaderLine(node.path("partitions").asInt(0));
            }
            case "entry" -> {
                int partition = node.path("ledgerPartition").asInt(0);
                try {
                    InclusionProof proof = node.has("inclusion") ? LedgerJson.proof(node.get("inclusion")) : null;
                    return new EntryLine(LedgerJson.entry(node), proof, index);
                } catch (RuntimeException e) {
                    return new ForeignLine(partition, index, "malformed entry: " + e.getMessage());
                }
            }
            case "checkpoint" -> {
                try {
                    return new CheckpointLine(LedgerJson.checkpoint(node), index, null);
                } catch (RuntimeException e) {
                    return new BadCheckpoint(index, "malformed checkpoint: " + e.getMessage());
                }
            }
            default -> {
                return new ForeignLine(node.path("partition").asInt(0), index,
                        "unknown record type '" + type + "'");
            }
        }
    }

    /** The parsed lines in file order, and the decision what kind of file it is. */
    private final class Assembly {
        private final HashedExport records = new HashedExport();
        /** Every block in file order: what an extract's entries are listed from. */
        private final List<Block> blocks = new ArrayList<>();
        private final List<Checkpoint> checkpoints = new ArrayList<>();
        private final List<String> checkpointLines = new ArrayList<>();
        private final List<Optional<String>> refusals = new ArrayList<>();
        private LedgerItem.Foreign firstForeign;
        private Failure badCheckpoint;
        private boolean anyProof;
        /** Lines assembled so far: the line number before the next block's first line. */
        private long lines;

        void add(Block block) throws IOException {
            if (block.notUtf8 >= 0) {
                throw new IOException("line " + (lines + block.notUtf8 + 1) + " is not UTF-8 (" + block.why + ")");
            }
            block.base = lines;
            int entry = 0;
            for (int o = 0; o < block.others.size(); o++) {
                entry = addEntries(block, entry, block.othersAfter.get(o));
                add(block.others.get(o));
            }
            addEntries(block, entry, block.entryCount);
            // Copied into the records: an extract needs only the entries, their lines and proofs.
            block.partitions = null;
            block.states = null;
            block.leaves = null;
            blocks.add(block);
            anyProof |= block.proofs != null;
            lines += block.lineCount;
        }

        /** The block's entries {@code from..to-1}; returns {@code to}. */
        private int addEntries(Block block, int from, int to) {
            for (int n = from; n < to; n++) {
                records.addEntry(block.partitions[n], block.entries[n], lines + block.indexes[n] + 1, block.states[n],
                        block.leaves, n * Sha256.LENGTH);
            }
            return to;
        }

        private void add(Line line) {
            if (line instanceof CheckpointLine c) {
                checkpoints.add(c.checkpoint());
                checkpointLines.add(location(c.index()));
                refusals.add(c.refusal());
            } else if (line instanceof BadCheckpoint b) {
                if (badCheckpoint == null) {
                    badCheckpoint = new Failure(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID, -1, checkpoints.size(),
                            location(b.index()), b.why());
                }
            } else if (line instanceof ForeignLine f) {
                LedgerItem.Foreign foreign = new LedgerItem.Foreign(Math.max(f.partition(), 0), location(f.index()),
                        f.why());
                records.addForeign(f.partition(), foreign);
                firstForeign = firstForeign == null ? foreign : firstForeign;
            } else if (line instanceof HeaderLine h) {
                // Informational only (scope, release, period): nothing in it changes the verdict.
                records.ensure(Math.min(h.partitions(), 1024));
            }
        }

        private String location(int index) {
            return "line " + (lines + index + 1);
        }

        /** @param pool the hashing threads for the Merkle subtrees, null for the caller's thread */
        VerificationReport verify(LedgerKeyRing publicKey, ExecutorService pool) {
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
                List<ExtractVerifier.ProvenEntry> proven = new ArrayList<>();
                for (Block block : blocks) {
                    for (int n = 0; n < block.entryCount; n++) {
                        proven.add(new ExtractVerifier.ProvenEntry(block.entries[n],
                                "line " + (block.base + block.indexes[n] + 1),
                                Optional.ofNullable(block.proofs == null ? null : block.proofs[n])));
                    }
                }
                return new ExtractVerifier(publicKey).verify(proven, checkpoints, checkpointLines);
            }
            // As LedgerVerifier's list form: room for the leaves the last checkpoint claims, never more than the records.
            long total = records.total();
            long claimed = checkpoints.get(checkpoints.size() - 1).treeSize();
            int capacity = (int) Math.max(0, Math.min(Math.min(claimed, total), Integer.MAX_VALUE / Sha256.LENGTH));
            return new ChainWalk(publicKey, records, progress, total, capacity, pool)
                    .signaturesChecked(refusals).run(ItemCursor.of(checkpoints), checkpointLines);
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
