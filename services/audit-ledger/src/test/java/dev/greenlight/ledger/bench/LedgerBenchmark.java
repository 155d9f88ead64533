package dev.greenlight.ledger.bench;

import dev.greenlight.ledger.domain.CheckpointSigner;
import dev.greenlight.ledger.domain.Checkpoint;
import dev.greenlight.ledger.domain.Ed25519Keys;
import dev.greenlight.ledger.domain.Entry;
import dev.greenlight.ledger.domain.LedgerItem;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.domain.LedgerVerifier;
import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.ledger.domain.VerificationReport;
import dev.greenlight.ledger.export.LedgerExporter;
import dev.greenlight.ledger.export.OfflineLedgerVerifier;
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
 * JSON Lines export. Run with
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

        run(events, keys, every, true); // warm-up: JIT and digest intrinsics
        long start = System.nanoTime();
        Ledger ledger = run(events, keys, every, false);
        double appendSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("append: %,d entries in %.2f s = %,.0f entries/s (checkpoint every %,d)%n", count,
                appendSeconds, count / appendSeconds, every);

        LedgerVerifier verifier = new LedgerVerifier(keys.getPublic());
        verifier.verify(ledger.items, ledger.checkpoints);
        start = System.nanoTime();
        VerificationReport report = verifier.verify(ledger.items, ledger.checkpoints);
        double verifySeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("verify (in memory): %,d entries in %.2f s = %,.0f entries/s, ok=%s%n", report.entries(),
                verifySeconds, report.entries() / verifySeconds, report.ok());

        Path file = Files.createTempFile("ledger-bench", ".jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            LedgerExporter.exportAll(new LedgerSnapshot(ledger.items, ledger.checkpoints), out);
        }
        new OfflineLedgerVerifier().verify(file, keys.getPublic());
        start = System.nanoTime();
        VerificationReport offline = new OfflineLedgerVerifier().verify(file, keys.getPublic());
        double offlineSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("verify (offline JSONL, %,d MB, incl. parsing): %,d entries in %.2f s = %,.0f entries/s, ok=%s%n",
                Files.size(file) >> 20, offline.entries(), offlineSeconds, offline.entries() / offlineSeconds,
                offline.ok());
        Files.delete(file);
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
