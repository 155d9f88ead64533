package dev.greenlight.ledger.index;

import dev.greenlight.ledger.verify.Entry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory index of the committed ledger entries, by target, by event type and by time, so a query
 * or the replay of one release touches that release's entries instead of the whole ledger.
 *
 * <p>Every posting list is a map ordered like the query results (recordedAt, ledger partition,
 * sequence, then arrival), so a time range is a sub-map and a page is a walk of the range: the cost of
 * a query is the number of entries of the chosen posting list inside the range, never the ledger size.
 * It holds only what was read from the committed ledger topic and is rebuilt from it on start, so it
 * cannot disagree with the ledger for longer than one refresh.
 */
public final class LedgerIndex {

    /** Ledger time order; {@code arrival} keeps two records with equal positions (a forged copy) apart. */
    private record Key(long recordedAt, int partition, long sequence, long arrival) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::recordedAt)
                .thenComparingInt(Key::partition).thenComparingLong(Key::sequence).thenComparingLong(Key::arrival);

        static Key lowest(long recordedAt) {
            return new Key(recordedAt, Integer.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** An entry with the release version its event names (null when it names none or not yet). */
    private static final class Indexed {
        private final Entry entry;
        private String version;

        Indexed(Entry entry, String version) {
            this.entry = entry;
            this.version = version;
        }

        Entry entry() {
            return entry;
        }

        String version() {
            return version;
        }
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<Key, Indexed> all = new TreeMap<>();
    private final Map<String, NavigableMap<Key, Indexed>> byTarget = new HashMap<>();
    private final Map<String, NavigableMap<Key, Indexed>> byType = new HashMap<>();
    private final Map<String, Set<String>> typesBySimpleName = new HashMap<>();
    private long arrivals;

    /**
     * Adds an entry read from the ledger.
     *
     * @param version the release version the recorded event names, or null (e.g. an alert)
     */
    public void add(Entry entry, String version) {
        lock.writeLock().lock();
        try {
            Key key = new Key(entry.recordedAt().toEpochMilli(), entry.ledgerPartition(), entry.sequence(), arrivals++);
            Indexed indexed = new Indexed(entry, version);
            all.put(key, indexed);
            byTarget.computeIfAbsent(entry.target(), t -> new TreeMap<>()).put(key, indexed);
            byType.computeIfAbsent(entry.eventType(), t -> new TreeMap<>()).put(key, indexed);
            typesBySimpleName.computeIfAbsent(simpleName(entry.eventType()), s -> new HashSet<>())
                    .add(entry.eventType());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Names the version of an entry added without one: a deployment report recorded before the command
     * it reports on.
     */
    public void nameVersion(Entry entry, String version) {
        lock.writeLock().lock();
        try {
            long at = entry.recordedAt().toEpochMilli();
            NavigableMap<Key, Indexed> candidates = byTarget.getOrDefault(entry.target(),
                    Collections.emptyNavigableMap()).subMap(Key.lowest(at), true, Key.lowest(at + 1), false);
            for (Indexed indexed : candidates.values()) {
                if (indexed.entry() == entry) {
                    indexed.version = version;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Entries indexed so far. */
    public long size() {
        lock.readLock().lock();
        try {
            return all.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The page of entries matching {@code query}, with the total over all pages. */
    public IndexPage query(EntryQuery query) {
        lock.readLock().lock();
        try {
            Set<String> types = query.type() == null ? null : types(query.type());
            String version = query.release() == null ? null : query.version();
            NavigableMap<Key, Indexed> source = smallest(query, types);
            NavigableMap<Key, Indexed> range = range(source, query);
            long skip = (long) query.page() * query.size();
            long total = 0;
            List<Entry> items = new ArrayList<>();
            for (Indexed indexed : range.values()) {
                if ((types != null && !types.contains(indexed.entry().eventType()))
                        || (query.release() != null && !indexed.entry().target().equals(query.target()))
                        || (version != null && !version.equals(indexed.version()))) {
                    continue;
                }
                if (total >= skip && items.size() < query.size()) {
                    items.add(indexed.entry());
                }
                total++;
            }
            return new IndexPage(total, items);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every entry of a target (or of a release, {@code target@version}) and every entry of the given
     * types, once each, in ledger time order: what replaying one release needs.
     */
    public List<Entry> releaseWith(String release, Set<String> alsoTypes) {
        lock.readLock().lock();
        try {
            NavigableMap<Key, Indexed> merged = new TreeMap<>();
            if (release != null) {
                EntryQuery query = new EntryQuery(release, null, null, null, 0, 1);
                merged.putAll(byTarget.getOrDefault(query.target(), Collections.emptyNavigableMap()));
            }
            for (String type : alsoTypes) {
                merged.putAll(byType.getOrDefault(type, Collections.emptyNavigableMap()));
            }
            return merged.values().stream().map(Indexed::entry).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every entry in ledger time order. */
    public List<Entry> all() {
        lock.readLock().lock();
        try {
            return all.values().stream().map(Indexed::entry).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    private NavigableMap<Key, Indexed> smallest(EntryQuery query, Set<String> types) {
        NavigableMap<Key, Indexed> best = all;
        if (query.release() != null) {
            best = byTarget.getOrDefault(query.target(), Collections.emptyNavigableMap());
        }
        if (types != null) {
            if (types.isEmpty()) {
                return Collections.emptyNavigableMap();
            }
            if (types.size() == 1) {
                NavigableMap<Key, Indexed> ofType = byType.get(types.iterator().next());
                if (ofType.size() < best.size()) {
                    best = ofType;
                }
            }
        }
        return best;
    }

    private static NavigableMap<Key, Indexed> range(NavigableMap<Key, Indexed> source, EntryQuery query) {
        if (query.from() != null && query.to() != null) {
            return source.subMap(Key.lowest(query.from().toEpochMilli()), true, Key.lowest(query.to().toEpochMilli()),
                    false);
        }
        if (query.from() != null) {
            return source.tailMap(Key.lowest(query.from().toEpochMilli()), true);
        }
        if (query.to() != null) {
            return source.headMap(Key.lowest(query.to().toEpochMilli()), false);
        }
        return source;
    }

    /** Full names matching a full or simple name. */
    private Set<String> types(String type) {
        if (byType.containsKey(type)) {
            return Set.of(type);
        }
        return typesBySimpleName.getOrDefault(type, Set.of());
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }
}
