package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.ItemCursor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerItem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The writer restarts from the ledger read record by record; it must resume exactly where the
 * list-based restore resumes — same heads, same tree, same pending entries, hence the same next
 * checkpoint — also when records that are not part of the chain sit on the topic.
 */
class StreamingRestoreTest {

    private final CheckpointSigner signer = new CheckpointSigner(LedgerFixture.KEYS,
            Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void resumesWhereTheListRestoreResumesSkippingWhatIsNotInTheChain() {
        LedgerFixture ledger = new LedgerFixture(40, 9);
        List<List<LedgerItem>> items = ledger.items();
        items.get(1).add(3, new LedgerItem.Foreign(1, "greenlight.ledger-1@3", "not Confluent wire format"));
        Entry last = ((LedgerItem.Recorded) items.get(0).get(items.get(0).size() - 1)).entry();
        items.get(0).add(new LedgerItem.Recorded(new ChainHead(0, last.sequence() + 1, new byte[32])
                .append(LedgerFixture.event(999), Instant.parse("2026-02-01T00:00:00Z")), "greenlight.ledger-0@99"));
        LedgerSnapshot snapshot = new LedgerSnapshot(items, ledger.checkpoints);
        List<String> listSkipped = new ArrayList<>();
        LedgerState fromLists = LedgerState.restore(LedgerFixture.PARTITIONS, snapshot.validChains(listSkipped::add),
                ledger.checkpoints);

        List<String> streamSkipped = new ArrayList<>();
        LedgerState streamed = LedgerState.restore(items.stream().map(Cursor::new).toList(),
                new Cursor<>(ledger.checkpoints), streamSkipped::add);

        assertThat(streamSkipped).containsExactlyInAnyOrderElementsOf(listSkipped).hasSize(2);
        assertThat(streamed.nextSequences()).isEqualTo(fromLists.nextSequences());
        assertThat(streamed.treeSize()).isEqualTo(fromLists.treeSize()).isEqualTo(36);
        assertThat(streamed.pendingCount()).isEqualTo(fromLists.pendingCount()).isEqualTo(4);
        Checkpoint next = streamed.checkpoint(signer);
        Checkpoint expected = fromLists.checkpoint(signer);
        assertThat(next.treeSize()).isEqualTo(40);
        assertThat(next.rootHash()).isEqualTo(expected.rootHash());
        assertThat(next.signature()).isEqualTo(expected.signature());
    }

    /** A list read once, like a topic partition. */
    private static final class Cursor<T> implements ItemCursor<T> {
        private final Iterator<T> items;

        Cursor(List<T> items) {
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
}
