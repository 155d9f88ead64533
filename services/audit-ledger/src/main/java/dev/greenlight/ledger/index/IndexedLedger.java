package dev.greenlight.ledger.index;

import dev.greenlight.ledger.kafka.LedgerTail;
import dev.greenlight.ledger.replay.application.LedgerEvents;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The committed ledger as this process has indexed it: the on-disk {@link LedgerIndex} for queries,
 * replay, evidence, extracts and proofs, kept current by following the ledger topics from the offsets
 * the index stored, and fed to the {@link LedgerListener}s. A query first catches up with everything
 * committed so far, so it sees what a full re-read would see, at the cost of reading only the records
 * added since the last refresh.
 *
 * <p>Listeners live in memory: on the first refresh after a start they are fed the stored entries of
 * the types they ask for (from disk, one by one), then each newly indexed batch once, so a restart
 * neither loses nor doubles anything they count.
 */
public class IndexedLedger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexedLedger.class);

    private final LedgerTail tail;
    private final LedgerEvents events;
    private final ObjectProvider<LedgerListener> listeners;
    private final LedgerIndex index;
    private boolean listenersFed;

    public IndexedLedger(LedgerTail tail, SchemaRegistryClient registry, ObjectProvider<LedgerListener> listeners,
            LedgerIndex index) {
        this.tail = tail;
        this.events = new LedgerEvents(registry);
        this.listeners = listeners;
        this.index = index;
    }

    /** With an index in a temporary directory (tests; the service configures a directory). */
    public IndexedLedger(LedgerTail tail, SchemaRegistryClient registry, ObjectProvider<LedgerListener> listeners) {
        this(tail, registry, listeners, LedgerIndex.open(null, Topics.LEDGER.partitions()));
    }

    /** Reads what was committed since the last refresh into the index and tells the listeners. */
    public synchronized void refresh() {
        if (!listenersFed) {
            if (!sameTopic()) {
                log.warn("The ledger topic's first records differ from the indexed ones: the topic was recreated, "
                        + "rebuilding the index from offset 0");
                index.reset();
            }
            feedStoredEntries();
            listenersFed = true;
        }
        // Checkpoints committed before the ledger's end offsets are taken cover only entries below them.
        long checkpointEnd = tail.checkpointEnd();
        long[] ends = tail.ledgerEnds();
        long[] from = index.nextOffsets();
        for (int p = 0; p < ends.length; p++) {
            if (from[p] > ends[p]) {
                log.warn("Ledger partition {} ends at offset {} but the index has read up to {}: the topic was "
                        + "recreated, rebuilding the index from offset 0", p, ends[p], from[p]);
                index.reset();
                feedStoredEntries();
                from = index.nextOffsets();
                break;
            }
        }
        tail.readLedger(from, ends, this::append);
        long checkpointFrom = index.nextCheckpointOffset();
        if (checkpointFrom < checkpointEnd) {
            tail.readCheckpoints(checkpointFrom, checkpointEnd, polled -> {
                try (LedgerIndex.Batch batch = index.batch()) {
                    polled.forEach(c -> batch.checkpoint(c.offset(), c.checkpoint()));
                    batch.commit();
                }
            });
        }
    }

    /**
     * Whether the topic is the one the stored index was built from: the first record of every partition
     * the index has read must be the one it stored (offsets alone cannot tell a recreated topic that
     * has grown past the stored offsets).
     */
    private boolean sameTopic() {
        long[] stored = index.nextOffsets();
        long[] from = new long[stored.length];
        long[] until = new long[stored.length];
        for (int p = 0; p < stored.length; p++) {
            until[p] = stored[p] > 0 ? 1 : 0;
        }
        if (Arrays.stream(until).allMatch(u -> u == 0)) {
            return true;
        }
        long[] ends = tail.ledgerEnds();
        for (int p = 0; p < stored.length; p++) {
            if (ends[p] < until[p]) {
                return false;
            }
        }
        boolean[] same = {true};
        tail.readLedger(from, until, polled -> polled.forEach(record -> same[0] &= index.holds(record.partition(),
                record.offset(), record.item())));
        return same[0];
    }

    private void append(List<LedgerTail.Polled> polled) {
        List<IndexedEvent> appended = new ArrayList<>(polled.size());
        try (LedgerIndex.Batch batch = index.batch()) {
            for (LedgerTail.Polled record : polled) {
                SpecificRecord event = null;
                if (record.item() instanceof LedgerItem.Recorded recorded) {
                    event = events.decode(recorded.entry()).orElse(null);
                }
                String version = batch.record(record.partition(), record.offset(), record.item(), event);
                if (event != null) {
                    appended.add(new IndexedEvent(((LedgerItem.Recorded) record.item()).entry(), event, version));
                }
            }
            batch.commit();
        }
        if (!appended.isEmpty()) {
            listeners.orderedStream().forEach(listener -> listener.appended(appended));
        }
    }

    /** After a start (or a reset), gives each listener the stored entries it asks for, in batches. */
    private void feedStoredEntries() {
        listeners.orderedStream().forEach(listener -> {
            List<IndexedEvent> batch = new ArrayList<>();
            index.forEachOfTypes(listener.replayTypes(), stored -> {
                events.decode(stored.entry()).ifPresent(
                        event -> batch.add(new IndexedEvent(stored.entry(), event, stored.version())));
                if (batch.size() >= 1000) {
                    listener.appended(List.copyOf(batch));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                listener.appended(List.copyOf(batch));
            }
        });
    }

    /** Catches up, or answers from the index as it is when the ledger topic cannot be read right now. */
    public void catchUp() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Ledger index could not catch up, answering from {} indexed entries: {}", index.size(),
                    e.toString());
        }
    }

    public IndexPage query(EntryQuery query) {
        catchUp();
        return index.query(query);
    }

    /** The entries replaying {@code release} (target, target@version, or null for all) needs, in ledger order. */
    public List<Entry> forReplay(String release, Set<String> alsoTypes) {
        catchUp();
        return release == null || release.isBlank() ? index.all() : index.releaseWith(release, alsoTypes);
    }

    /** The index, caught up with the topic: for readers that walk it (evidence, extracts, proofs). */
    public LedgerIndex current() {
        catchUp();
        return index;
    }

    /** The entries that recorded the event with this {@code meta.eventId}, caught up first. */
    public List<Entry> bySourceEventId(String eventId) {
        catchUp();
        return index.bySourceEventId(eventId);
    }

    /** The latest checkpoint read, caught up first. */
    public Optional<Checkpoint> latestCheckpoint() {
        catchUp();
        return index.latestCheckpoint();
    }

    /** Every checkpoint in publication order, one by one, caught up first. */
    public void forEachCheckpoint(Consumer<Checkpoint> sink) {
        catchUp();
        index.forEachCheckpoint(sink);
    }

    /** Entries indexed so far. */
    public long size() {
        return index.size();
    }

    @Override
    public void close() {
        index.close();
    }
}
