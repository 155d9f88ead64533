package dev.greenlight.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.ledger.export.LedgerExporter;
import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.verify.OfflineLedgerVerifier;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service's online verify ({@code GET /verify}: {@link LedgerVerifier}'s streaming form over the
 * topic's cursors) must reach the verdict an auditor's offline verifier reaches on the export of the same
 * ledger, on an honest ledger and on each kind of tampering, naming the same break — and the very report
 * of the list form. There is one home for the rules (ledger-verify's walk); this proves the service uses it.
 */
class OnlineVerificationTest {

    private static final LedgerFixture LEDGER = new LedgerFixture(40, 9);

    static Stream<Arguments> ledgers() {
        return Stream.of(
                Arguments.of("honest", tamper((items, checkpoints) -> { })),
                Arguments.of("flipped payload byte", tamper((items, checkpoints) -> {
                    Entry victim = ((LedgerItem.Recorded) items.get(1).get(5)).entry();
                    byte[] payload = victim.payload().clone();
                    payload[payload.length - 1] ^= 1;
                    items.get(1).set(5, new LedgerItem.Recorded(victim.withPayload(payload), "greenlight.ledger-1@5"));
                })),
                Arguments.of("deleted entry", tamper((items, checkpoints) -> items.get(0).remove(4))),
                Arguments.of("swapped entries", tamper((items, checkpoints) -> Collections.swap(items.get(2), 6, 7))),
                Arguments.of("foreign record", tamper((items, checkpoints) -> items.get(1).add(3,
                        new LedgerItem.Foreign(1, "greenlight.ledger-1@3", "not Confluent wire format")))),
                Arguments.of("intruder at the tail", tamper((items, checkpoints) -> {
                    Entry last = ((LedgerItem.Recorded) items.get(0).get(items.get(0).size() - 1)).entry();
                    items.get(0).add(new LedgerItem.Recorded(new ChainHead(0, last.sequence() + 1, new byte[32])
                            .append(LedgerFixture.event(999), Instant.parse("2026-02-01T00:00:00Z")), "x"));
                })),
                Arguments.of("forged root", tamper((items, checkpoints) -> {
                    Checkpoint c = checkpoints.get(2);
                    checkpoints.set(2, new Checkpoint(c.treeSize(), new byte[32], c.heads(), c.signedAt(), c.keyId(),
                            c.signature()));
                })),
                Arguments.of("truncated", tamper((items, checkpoints) -> items.get(2).subList(5,
                        items.get(2).size()).clear())));
    }

    private record Ledger(List<List<LedgerItem>> items, List<Checkpoint> checkpoints) {
    }

    private static Ledger tamper(BiConsumer<List<List<LedgerItem>>, List<Checkpoint>> change) {
        List<List<LedgerItem>> items = LEDGER.items();
        List<Checkpoint> checkpoints = new ArrayList<>(LEDGER.checkpoints);
        change.accept(items, checkpoints);
        return new Ledger(items, checkpoints);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void theOnlineVerifyReachesTheVerdictOfTheOfflineVerifier(String name, Ledger ledger) throws IOException {
        VerificationReport online = new LedgerVerifier(LedgerFixture.KEYS.getPublic())
                .verify(ledger.items().stream().map(ItemCursor::of).toList(), ItemCursor.of(ledger.checkpoints()));

        StringWriter export = new StringWriter();
        LedgerExporter.exportAll(ledger.items().stream().map(ItemCursor::of).toList(),
                ItemCursor.of(ledger.checkpoints()), export);
        Path file = dir.resolve("ledger.jsonl");
        Files.writeString(file, export.toString());
        VerificationReport offline = new OfflineLedgerVerifier().verify(file, LedgerFixture.KEYS.getPublic());

        assertThat(online.ok()).isEqualTo(offline.ok()).isEqualTo(name.equals("honest"));
        // The same break (the offline one is located by export line, the online one by topic offset).
        assertThat(online.failure().map(f -> List.of(f.reason(), f.partition(), f.sequence())))
                .isEqualTo(offline.failure().map(f -> List.of(f.reason(), f.partition(), f.sequence())));
        assertThat(List.of(online.entries(), online.checkpoints(), online.treeSize()))
                .isEqualTo(List.of(offline.entries(), offline.checkpoints(), offline.treeSize()));

        VerificationReport listed = new LedgerVerifier(LedgerFixture.KEYS.getPublic())
                .verify(ledger.items(), ledger.checkpoints());
        // The verdict and its figures; the streaming form keeps the verified heads, not the leaves.
        assertThat(online).usingRecursiveComparison().ignoringFields("tree").isEqualTo(listed);
        assertThat(online.tree().checkpoints()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(listed.tree().checkpoints());
    }

    @TempDir
    Path dir;
}
