package dev.greenlight.ledger.verify;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test (no timing asserts anywhere): how fast the verifier is next to what bounds it, on one
 * thread and on every core (docs/ledger.md §10). Prints, each the best of seven interleaved rounds:
 * <ul>
 *   <li><b>bound</b>: SHA-256 alone over exactly the messages verification must hash, already in
 *       memory: each entry's payload, its canonical encoding (pre-encoded), its 33-byte leaf input,
 *       and one 65-byte Merkle node input per checkpointed leaf, one MessageDigest, no parsing, no
 *       encoding, no comparisons. No verifier of these entries on one thread can beat it;</li>
 *   <li><b>verify, 1 thread</b> and <b>verify, N threads</b>: {@link LedgerVerifier} over the decoded
 *       entries (everything in section 5 but reading the file), and the ratios; what of it lies outside
 *       the bound (the encodings, the checkpoint signatures), and what a decoder pays before it (the
 *       UTF-8 of the text fields, which {@link Entry} keeps);</li>
 *   <li>the same for the offline verifier of the JSON Lines export, parsing included.</li>
 * </ul>
 * Run: {@code ./mvnw -B -pl ledger-verify -am test-compile} then
 * {@code java -Xmx2g -cp ledger-verify/target/classes:ledger-verify/target/test-classes:$(cat /tmp/lv-cp.txt)
 * dev.greenlight.ledger.verify.VerifyBenchmark [entries=200000] [checkpoint-every=10000] [threads=cores]}
 * (the class path file from {@code dependency:build-classpath}, see §10).
 */
public final class VerifyBenchmark {

    private static final int PARTITIONS = 3;
    private static final int PAYLOAD_BYTES = 320;
    private static final int RUNS = 7;

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        TestLedger ledger = new TestLedger(count, every, PARTITIONS, PAYLOAD_BYTES);
        List<List<LedgerItem>> items = ledger.items();
        long leaves = ledger.checkpoints.get(ledger.checkpoints.size() - 1).treeSize();
        System.out.printf("%,d entries of %d-byte payloads, %,d in the tree, %d cores, %d threads%n", count,
                PAYLOAD_BYTES + 5, leaves, Runtime.getRuntime().availableProcessors(), threads);

        byte[][] messages = boundMessages(ledger, leaves);
        long bytes = 0;
        for (byte[] m : messages) {
            bytes += m.length;
        }
        LedgerVerifier one = new LedgerVerifier(TestLedger.KEYS.getPublic(), (d, t) -> { }, 1);
        LedgerVerifier many = new LedgerVerifier(TestLedger.KEYS.getPublic(), (d, t) -> { }, threads);
        for (int warm = 0; warm < 2; warm++) {
            sha256(messages);
            check(one.verify(items, ledger.checkpoints));
            check(many.verify(items, ledger.checkpoints));
        }
        // Interleaved rounds, best of each: the machine is shared, so the three figures of one round
        // see the same load, and the minimum is the least disturbed.
        double bound = Double.MAX_VALUE;
        double single = Double.MAX_VALUE;
        double parallel = Double.MAX_VALUE;
        double boundCpu = Double.MAX_VALUE;
        double singleCpu = Double.MAX_VALUE;
        double encodeCpu = Double.MAX_VALUE;
        double textCpu = Double.MAX_VALUE;
        double signaturesCpu = Double.MAX_VALUE;
        double boundParallel = Double.MAX_VALUE;
        java.util.concurrent.ExecutorService hashers = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<Entry> all = ledger.entries.stream().flatMap(List::stream).toList();
        String[][] texts = all.stream().map(e -> new String[] {e.entryId(), e.principal(), e.target(),
                e.sourceTopic(), e.sourceEventId(), e.eventType()}).toArray(String[][]::new);
        LedgerKeyRing ring = LedgerKeyRing.of(TestLedger.KEYS.getPublic());
        for (int round = 0; round < RUNS; round++) {
            double[] b = time(() -> sha256(messages));
            double[] s = time(() -> check(one.verify(items, ledger.checkpoints)));
            bound = Math.min(bound, b[0]);
            boundCpu = Math.min(boundCpu, b[1]);
            single = Math.min(single, s[0]);
            singleCpu = Math.min(singleCpu, s[1]);
            parallel = Math.min(parallel, time(() -> check(many.verify(items, ledger.checkpoints)))[0]);
            encodeCpu = Math.min(encodeCpu, time(() -> encodeAll(all))[1]);
            textCpu = Math.min(textCpu, time(() -> makeEntries(all, texts))[1]);
            signaturesCpu = Math.min(signaturesCpu, time(() -> verifySignatures(ring, ledger.checkpoints))[1]);
            boundParallel = Math.min(boundParallel, time(() -> sha256(messages, threads, hashers))[0]);
        }
        hashers.shutdown();
        System.out.printf("load average before: %.1f%n", load());
        System.out.printf("bound (SHA-256 only, %,d messages, %,d MB, 1 thread): %,.0f entries/s wall (%,.0f MB/s), "
                + "%,.0f entries/s of CPU time%n", messages.length, bytes >> 20, count / bound, bytes / bound / 1e6,
                count / boundCpu);
        System.out.printf("verify in memory, 1 thread:  %,.0f entries/s wall = %.2f of the bound; "
                + "%,.0f entries/s of CPU time = %.2f of the bound%n", count / single, bound / single,
                count / singleCpu, boundCpu / singleCpu);
        System.out.printf("  of which outside the bound: building the canonical encodings from the entries' fields "
                + "alone takes %.0f%% of the bound's CPU time%n", 100 * encodeCpu / boundCpu);
        System.out.printf("  of which outside the bound: verifying the %d checkpoint signatures (Ed25519) alone takes "
                + "%.0f%% of the bound's CPU time%n", ledger.checkpoints.size(), 100 * signaturesCpu / boundCpu);
        System.out.printf("  not in this figure (paid once per entry where it is decoded): making the entries from "
                + "decoded strings, i.e. UTF-8 of their six text fields, takes %.0f%% of the bound's CPU time%n",
                100 * textCpu / boundCpu);
        System.out.printf("verify in memory, %d threads: %,.0f entries/s wall = %.2fx one thread%n", threads,
                count / parallel, single / parallel);
        System.out.printf("  control: the bound's SHA-256 alone split over %d threads: %.2fx one thread (what this "
                + "machine gives a perfectly parallel job in the same rounds)%n", threads, bound / boundParallel);

        Path file = Files.createTempFile("verify-bench", ".jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ledger.write(out);
        }
        OfflineLedgerVerifier offlineOne = new OfflineLedgerVerifier((d, t) -> { }, 1);
        OfflineLedgerVerifier offlineMany = new OfflineLedgerVerifier((d, t) -> { }, threads);
        check(offlineOne.verify(file, TestLedger.KEYS.getPublic()));
        double offline1 = Double.MAX_VALUE;
        double offlineN = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            offline1 = Math.min(offline1, time(() -> check(offlineOne.verify(file, TestLedger.KEYS.getPublic())))[0]);
            offlineN = Math.min(offlineN, time(() -> check(offlineMany.verify(file, TestLedger.KEYS.getPublic())))[0]);
        }
        System.out.printf("offline verify (%,d MB JSONL, parsing included), 1 thread: %,.0f entries/s; %d threads: "
                + "%,.0f entries/s = %.2fx%n", Files.size(file) >> 20, count / offline1, threads, count / offlineN,
                offline1 / offlineN);
        System.out.printf("load average after: %.1f%n", load());
        Files.delete(file);
    }

    /** The bound's messages ({@link VerificationBound}, shared with {@code greenlight bench}). */
    private static byte[][] boundMessages(TestLedger ledger, long leaves) {
        return VerificationBound.messages(ledger.entries.stream().flatMap(List::stream).toList(), leaves);
    }

    /** The same messages in {@code threads} contiguous slices, one per thread. */
    private static Object sha256(byte[][] messages, int threads, java.util.concurrent.ExecutorService pool)
            throws Exception {
        List<java.util.concurrent.Future<Object>> slices = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) messages.length * t / threads);
            int to = (int) ((long) messages.length * (t + 1) / threads);
            slices.add(pool.submit(() -> sha256(java.util.Arrays.copyOfRange(messages, from, to))));
        }
        for (java.util.concurrent.Future<Object> slice : slices) {
            slice.get();
        }
        return slices;
    }

    private static Object sha256(byte[][] messages) {
        return VerificationBound.hashAll(messages);
    }

    private static Object encodeAll(List<Entry> entries) {
        long bytes = 0;
        for (Entry entry : entries) {
            bytes += EntryEncoding.encodeInPlace(entry);
        }
        return bytes;
    }

    /** What a decoder does once per entry: an Entry from field values, its text fields encoded to UTF-8. */
    private static Object makeEntries(List<Entry> entries, String[][] texts) {
        long bytes = 0;
        for (int i = 0; i < texts.length; i++) {
            Entry e = entries.get(i);
            String[] t = texts[i];
            bytes += new Entry(e.ledgerPartition(), e.sequence(), e.previousHash(), e.entryHash(), e.recordedAt(), t[0],
                    t[1], t[2], t[3], e.sourcePartition(), e.sourceOffset(), t[4], t[5], e.schemaId(), e.payload(),
                    e.payloadSha256(), e.reason()).text().length;
        }
        return bytes;
    }

    private static Object verifySignatures(LedgerKeyRing ring, List<Checkpoint> checkpoints) {
        for (Checkpoint checkpoint : checkpoints) {
            if (ring.refusal(checkpoint).isPresent()) {
                throw new IllegalStateException("benchmark checkpoints must verify");
            }
        }
        return checkpoints;
    }

    private static Object check(VerificationReport report) {
        if (!report.ok()) {
            throw new IllegalStateException("benchmark ledger must verify: " + report.failure());
        }
        return report;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    @FunctionalInterface
    private interface Run {
        Object run() throws Exception;
    }

    /**
     * Wall seconds and the calling thread's CPU seconds. CPU time compares single-threaded runs fairly on
     * a shared machine (time spent waiting for a core is not counted); only wall time shows a speed-up.
     */
    private static double[] time(Run run) throws Exception {
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        run.run();
        return new double[] {(System.nanoTime() - start) / 1e9, (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9};
    }

}
