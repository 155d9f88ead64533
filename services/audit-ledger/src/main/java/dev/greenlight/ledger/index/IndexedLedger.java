package dev.greenlight.ledger.index;

import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.kafka.LedgerTail;
import dev.greenlight.ledger.replay.application.LedgerEvents;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The committed ledger as this process has read it: an index for queries and replay, kept current by
 * following the ledger topic and fed to the {@link LedgerListener}s. A query first catches up with
 * everything committed so far, so it sees what a full re-read would see, at the cost of reading only
 * the records added since the last refresh.
 */
@Service
public class IndexedLedger {

    private static final Logger log = LoggerFactory.getLogger(IndexedLedger.class);

    private final LedgerTail tail;
    private final LedgerEvents events;
    private final ObjectProvider<LedgerListener> listeners;
    private final LedgerIndex index = new LedgerIndex();
    private final ReleaseVersions versions = new ReleaseVersions();

    public IndexedLedger(LedgerTail tail, SchemaRegistryClient registry, ObjectProvider<LedgerListener> listeners) {
        this.tail = tail;
        this.events = new LedgerEvents(registry);
        this.listeners = listeners;
    }

    /** Reads what was committed since the last refresh into the index and tells the listeners. */
    public synchronized void refresh() {
        List<LedgerItem> items = tail.readNew();
        List<IndexedEvent> appended = new ArrayList<>(items.size());
        for (LedgerItem item : items) {
            if (item instanceof LedgerItem.Recorded recorded) {
                Entry entry = recorded.entry();
                Optional<SpecificRecord> event = events.decode(entry);
                String version = event.map(e -> versions.of(entry, e)).orElse(null);
                index.add(entry, version);
                event.ifPresent(e -> {
                    versions.waitingFor(e).forEach(report -> index.nameVersion(report, version));
                    appended.add(new IndexedEvent(entry, e, version));
                });
            }
        }
        if (!appended.isEmpty()) {
            listeners.orderedStream().forEach(listener -> listener.appended(appended));
        }
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

    /** Entries indexed so far. */
    public long size() {
        return index.size();
    }
}
