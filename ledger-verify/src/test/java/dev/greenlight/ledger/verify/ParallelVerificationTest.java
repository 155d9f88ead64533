package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hashing on several threads, or reading record by record from cursors, must not change the verdict:
 * for an honest ledger and for each kind of break, one thread, four threads and the streaming form give
 * the same report, the same first failure included. The ledger spans
 * many hashing chunks and Merkle blocks so that work really is split.
 */
class ParallelVerificationTest {

    private static final TestLedger LEDGER = new TestLedger(20_000, 1_500);

    static Stream<Arguments> ledgers() {
        return Stream.of(
                Arguments.of("honest", (Consumer<List<List<LedgerItem>>>) items -> { }),
                Arguments.of("payload flipped late", tamper(items -> {
                    Entry e = entry(items, 1, 6_000);
                    byte[] payload = e.payload().clone();
                    payload[payload.length - 1] ^= 1;
                    items.get(1).set(6_000, new LedgerItem.Recorded(e.withPayload(payload), "p1@6000"));
                })),
                Arguments.of("two breaks, the earlier one wins", tamper(items -> {
                    items.get(2).remove(5_000);
                    Entry e = entry(items, 0, 100);
                    items.get(0).set(100, new LedgerItem.Recorded(e.withPayload(new byte[] {0, 0, 0, 0, 7}), "p0@100"));
                })),
                Arguments.of("deleted entry", tamper(items -> items.get(0).remove(3_333))),
                Arguments.of("swapped entries", tamper(items -> java.util.Collections.swap(items.get(2), 10, 11))),
                Arguments.of("foreign record", tamper(items -> items.get(1).add(4_000,
                        new LedgerItem.Foreign(1, "p1@4000", "bad magic byte")))),
                Arguments.of("truncated partition", tamper(items -> items.get(2).subList(4_000,
                        items.get(2).size()).clear())));
    }

    private static Consumer<List<List<LedgerItem>>> tamper(Consumer<List<List<LedgerItem>>> change) {
        return change;
    }

    private static Entry entry(List<List<LedgerItem>> items, int p, int i) {
        return ((LedgerItem.Recorded) items.get(p).get(i)).entry();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void oneThreadAndFourGiveTheSameReport(String name, Consumer<List<List<LedgerItem>>> change) {
        List<List<LedgerItem>> items = new ArrayList<>(LEDGER.items());
        change.accept(items);

        VerificationReport one = new LedgerVerifier(TestLedger.KEYS.getPublic(), (d, t) -> { }, 1)
                .verify(items, LEDGER.checkpoints);
        VerificationReport four = new LedgerVerifier(TestLedger.KEYS.getPublic(), (d, t) -> { }, 4)
                .verify(items, LEDGER.checkpoints);

        VerificationReport streamed = new LedgerVerifier(TestLedger.KEYS.getPublic())
                .verify(items.stream().map(ItemCursor::of).toList(), ItemCursor.of(LEDGER.checkpoints));

        assertThat(streamed.failure()).isEqualTo(one.failure());
        assertThat(List.of(streamed.entries(), streamed.checkpoints(), streamed.treeSize(), streamed.uncheckpointed()))
                .isEqualTo(List.of(one.entries(), one.checkpoints(), one.treeSize(), one.uncheckpointed()));
        assertThat(streamed.partitionSizes()).isEqualTo(one.partitionSizes());
        assertThat(streamed.tree().checkpoints()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(one.tree().checkpoints());
        assertThat(four.ok()).isEqualTo(one.ok()).isEqualTo(name.equals("honest"));
        assertThat(four.failure()).isEqualTo(one.failure());
        assertThat(List.of(four.entries(), four.checkpoints(), four.treeSize(), four.uncheckpointed()))
                .isEqualTo(List.of(one.entries(), one.checkpoints(), one.treeSize(), one.uncheckpointed()));
        assertThat(four.partitionSizes()).isEqualTo(one.partitionSizes());
        assertThat(four.tree().leafCount()).isEqualTo(one.tree().leafCount());
        if (one.ok()) {
            assertThat(one.checkpoints()).isEqualTo(LEDGER.checkpoints.size());
            assertThat(one.tree().rootAt(one.treeSize()))
                    .isEqualTo(LEDGER.checkpoints.get(LEDGER.checkpoints.size() - 1).rootHash());
        }
    }

    @org.junit.jupiter.api.Test
    void aSignedCheckpointWithAWrongRootIsCaughtWhateverTheThreadCount() {
        List<Checkpoint> checkpoints = new ArrayList<>(LEDGER.checkpoints);
        Checkpoint genuine = checkpoints.get(7);
        byte[] root = genuine.rootHash().clone();
        root[0] ^= 1;
        checkpoints.set(7, new CheckpointSigner(TestLedger.KEYS, java.time.Clock.systemUTC())
                .sign(genuine.treeSize(), root, genuine.heads()));

        for (int threads : new int[] {1, 2, 4}) {
            VerificationReport report = new LedgerVerifier(TestLedger.KEYS.getPublic(), (d, t) -> { }, threads)
                    .verify(LEDGER.items(), checkpoints);
            assertThat(report.failure()).get().extracting(Failure::reason).isEqualTo(Failure.Reason.CHECKPOINT_MISMATCH);
            assertThat(report.failure().get().sequence()).isEqualTo(7);
            assertThat(report.checkpoints()).isEqualTo(7);
        }
        VerificationReport streamed = new LedgerVerifier(TestLedger.KEYS.getPublic()).verify(
                LEDGER.items().stream().map(ItemCursor::of).toList(), ItemCursor.of(checkpoints));
        assertThat(streamed.failure()).get().extracting(Failure::reason).isEqualTo(Failure.Reason.CHECKPOINT_MISMATCH);
        assertThat(streamed.failure().get().sequence()).isEqualTo(7);
        assertThat(streamed.checkpoints()).isEqualTo(7);
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @org.junit.jupiter.api.Test
    void offlineLinesParsedInParallelBatchesKeepTheirOrderAndLineNumbers() throws java.io.IOException {
        List<String> lines = new ArrayList<>(new TestLedger(9_000, 1_000).export());
        java.nio.file.Path honest = dir.resolve("honest.jsonl");
        java.nio.file.Files.write(honest, lines);
        // Swap two entry lines of one partition across a parsing batch boundary (2,048 lines).
        java.util.Collections.swap(lines, 2_048, 2_049);
        java.nio.file.Path swapped = dir.resolve("swapped.jsonl");
        java.nio.file.Files.write(swapped, lines);

        for (java.nio.file.Path file : List.of(honest, swapped)) {
            VerificationReport one = new OfflineLedgerVerifier((d, t) -> { }, 1).verify(file, TestLedger.KEYS.getPublic());
            VerificationReport four = new OfflineLedgerVerifier((d, t) -> { }, 4).verify(file, TestLedger.KEYS.getPublic());
            assertThat(four.failure()).isEqualTo(one.failure());
            assertThat(four.entries()).isEqualTo(one.entries());
        }
        VerificationReport report = new OfflineLedgerVerifier((d, t) -> { }, 4).verify(swapped, TestLedger.KEYS.getPublic());
        assertThat(report.failure()).get().extracting(Failure::reason).isEqualTo(Failure.Reason.REORDERED);
        assertThat(report.failure().get().location()).isEqualTo("line 2049");
    }
}
