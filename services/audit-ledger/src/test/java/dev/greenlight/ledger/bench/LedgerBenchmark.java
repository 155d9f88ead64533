package dev.greenlight.ledger.bench;

import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CompactRange;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.ledger.export.LedgerExporter;
import dev.greenlight.ledger.verify.OfflineLedgerVerifier;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: measures, on one thread, how fast the ledger core appends entries (hashing, chaining,
 * checkpoint signing every N entries, default 10,000) and how fast a ledger verifies in memory and offline from a
 * JSON Lines export, next to what bounds them: SHA-256 alone, and the hashing core without the checks. Run with
 * {@code java -Xmx1g -cp target/classes:target/test-classes:<jackson> dev.greenlight.ledger.bench.LedgerBenchmark [entries] [checkpoint-every]}.
 */
public final class LedgerBenchmark {

    private static final int PARTITIONS = 3;
    private static final int PAYLOAD_BYTES = 320;

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        KeyPair keys = Ed25519Keys.generate();
        List<SourceEvent> events = events(count);
        System.out.printf("%d entries of %d-byte payloads, %d cores, load average %.1f%n", count, PAYLOAD_BYTES + 5,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        run(events, keys, every, true); // warm-up: JIT and digest intrinsics
        double appendSeconds = best(() -> run(events, keys, every, false));
        Ledger ledger = run(events, keys, every, false);
        System.out.printf("append (core, one thread): %,.0f entries/s (checkpoint every %,d)%n", count / appendSeconds,
                every);

        double shaBytesPerSecond = sha256Throughput();
        double blocksPerEntry = blocksPerEntry(ledger);
        System.out.printf("SHA-256 alone: %,.0f MB/s; an entry needs %.1f compression blocks (payload, entry, leaf, "
                + "node) -> hashing bound %,.0f entries/s%n", shaBytesPerSecond / 1e6, blocksPerEntry,
                shaBytesPerSecond / 64 / blocksPerEntry);

        List<Entry> entries = new LedgerSnapshot(ledger.items, ledger.checkpoints).allEntries();
        double hashSeconds = best(() -> hashCore(entries));
        System.out.printf("hash core (payload + entry + Merkle, no checks): %,.0f entries/s%n", count / hashSeconds);

        LedgerVerifier verifier = new LedgerVerifier(keys.getPublic());
        VerificationReport report = verifier.verify(ledger.items, ledger.checkpoints);
        double verifySeconds = best(() -> verifier.verify(ledger.items, ledger.checkpoints));
        System.out.printf("verify (in memory, everything in section 5): %,.0f entries/s, ok=%s%n",
                report.entries() / verifySeconds, report.ok());

        Path file = Files.createTempFile("ledger-bench", ".jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            LedgerExporter.exportAll(new LedgerSnapshot(ledger.items, ledger.checkpoints), out);
        }
        OfflineLedgerVerifier offlineVerifier = new OfflineLedgerVerifier();
        VerificationReport offline = offlineVerifier.verify(file, keys.getPublic());
        double offlineSeconds = best(() -> offlineVerifier.verify(file, keys.getPublic()));
        System.out.printf("verify (offline JSONL, %,d MB, parsing included): %,.0f entries/s, ok=%s "
                + "(parsing alone ~%,.0f entries/s)%n", Files.size(file) >> 20, offline.entries() / offlineSeconds,
                offline.ok(), count / Math.max(offlineSeconds - verifySeconds, 1e-9));
        Files.delete(file);
    }

    @FunctionalInterface
    private interface Run {
        Object run() throws Exception;
    }

    /** Fastest of three runs in seconds: the machine is shared, the minimum is the least disturbed. */
    private static double best(Run run) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    /** Bytes per second of one thread hashing 8 KiB messages: the ceiling for any SHA-256 work here. */
    private static double sha256Throughput() throws Exception {
        byte[] message = new byte[8192];
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        int rounds = 20_000;
        for (int i = 0; i < rounds; i++) {
            digest.update(message);
            digest.digest();
        }
        double seconds = best(() -> {
            for (int i = 0; i < rounds; i++) {
                digest.update(message);
                digest.digest();
            }
            return null;
        });
        return (double) rounds * message.length / seconds;
    }

    /** SHA-256 blocks per entry: payload, canonical encoding, leaf, and on average one node. */
    private static double blocksPerEntry(Ledger ledger) {
        long blocks = 0;
        long entries = 0;
        for (List<LedgerItem> partition : ledger.items) {
            for (LedgerItem item : partition) {
                Entry entry = ((LedgerItem.Recorded) item).entry();
                blocks += blocks(entry.payload().length) + blocks(EntryEncoding.encode(entry).length) + blocks(33)
                        + blocks(65);
                entries++;
            }
        }
        return (double) blocks / entries;
    }

    private static long blocks(int messageBytes) {
        return (messageBytes + 9 + 63) / 64;
    }

    private static byte[] hashCore(List<Entry> entries) {
        CompactRange tree = new CompactRange();
        for (Entry entry : entries) {
            Sha256.of(entry.payload());
            tree.appendLeafHash(MerkleTree.leafHash(EntryEncoding.hash(entry)));
        }
        return tree.root();
    }

    private record Ledger(List<List<LedgerItem>> items, List<Checkpoint> checkpoints) {
    }

    private static Ledger run(List<SourceEvent> events, KeyPair keys, int every, boolean warmUp) {
        Clock clock = Clock.systemUTC();
        LedgerState state = new LedgerState(PARTITIONS);
        CheckpointSigner signer = new CheckpointSigner(keys, clock);
        List<List<LedgerItem>> items = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            items.add(new ArrayList<>());
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        int n = warmUp ? Math.min(events.size(), 50_000) : events.size();
        for (int i = 0; i < n; i++) {
            SourceEvent event = events.get(i);
            int partition = i % PARTITIONS;
            Entry entry = state.append(partition, event, clock.instant());
            items.get(partition).add(new LedgerItem.Recorded(entry, "bench-" + i));
            if (state.pendingCount() >= every) {
                checkpoints.add(state.checkpoint(signer));
            }
        }
        checkpoints.add(state.checkpoint(signer));
        return new Ledger(items, checkpoints);
    }

    private static List<SourceEvent> events(int count) {
        Random random = new Random(42);
        List<SourceEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = new byte[PAYLOAD_BYTES];
            random.nextBytes(body);
            byte[] payload = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(3).put(body).array();
            events.add(new SourceEvent("target-" + (i % 50), "greenlight.approvals", i % 3, i, "evt-" + i,
                    "dev.greenlight.events.ApprovalGranted", 3, payload));
        }
        return events;
    }
}
