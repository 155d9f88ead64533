package dev.greenlight.ledger.index;

import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.ledger.verify.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * On-disk index of the committed ledger (RocksDB, {@link LedgerStore}), by time, target, event type,
 * release, position and source event id, plus the valid hash chains, the Merkle tree's leaf and node
 * hashes and the checkpoints: what queries, replay, evidence, extracts and proofs need without reading
 * the ledger topic or holding it on the heap (docs/ledger.md §13).
 *
 * <p>Every posting list is a key range ordered like the query results (recordedAt, ledger partition,
 * sequence, then topic position), so a time range is a sub-range and a page is a walk of it: the cost
 * of a query is the number of entries of the chosen list inside the range, never the ledger size.
 * The heap holds only {@link IndexState} (O(partitions + log n)).
 *
 * <p>It never drifts from the topic: the records of a batch and the Kafka offsets they were read up to
 * are written in one atomic {@code WriteBatch} ({@link Batch#commit}); the tail resumes from those
 * offsets, and a store that is missing, unreadable or of another format is rebuilt from offset 0.
 */
public final class LedgerIndex implements AutoCloseable {

    private static final byte[] STATE = Keys.of(Keys.META, "state");

    private final LedgerStore store;
    private final int partitions;
    private volatile IndexState state;

    private LedgerIndex(LedgerStore store, int partitions) {
        this.store = store;
        this.partitions = partitions;
        byte[] stored = store.get(STATE);
        IndexState loaded = stored == null ? null : IndexState.decode(stored);
        this.state = loaded != null && loaded.partitions() == partitions ? loaded : new IndexState(partitions);
        if (loaded != null && loaded.partitions() != partitions) {
            store.clear();
        }
    }

    /** Opens (or creates) the index in {@code dir}; null: a temporary directory deleted on {@link #close}. */
    public static LedgerIndex open(Path dir, int partitions) {
        return new LedgerIndex(LedgerStore.open(dir), partitions);
    }

    /** Forgets everything: the next refresh reads the ledger from offset 0 (the topic was recreated). */
    public synchronized void reset() {
        store.clear();
        state = new IndexState(partitions);
    }

    /** Where the store lives. */
    public Path dir() {
        return store.dir();
    }

    /** The next ledger offset to read per partition (index = partition). */
    public long[] nextOffsets() {
        return state.nextOffset.clone();
    }

    /** The next checkpoint topic offset to read. */
    public long nextCheckpointOffset() {
        return state.checkpointOffset;
    }

    /** Entries indexed so far. */
    public long size() {
        return state.entries;
    }

    /** Entries in the valid hash chains (what a verifier would count). */
    public long chainLength() {
        return state.chainLength();
    }

    /** Leaves of the Merkle tree the checkpoints read so far define. */
    public long treeSize() {
        return state.treeSize;
    }

    public Batch batch() {
        return new Batch();
    }

    /**
     * Adds one entry as if it were the next record of its ledger partition, in its own batch (tests and
     * tools; the tail uses {@link Batch}).
     *
     * @param version the release version the recorded event names, or null (e.g. an alert)
     */
    public synchronized void add(Entry entry, String version) {
        try (Batch batch = batch()) {
            int p = entry.ledgerPartition();
            batch.entry(p, batch.next.nextOffset[p], entry, version);
            batch.commit();
        }
    }

    /**
     * The writes of one read of the tail: records, checkpoints and the offsets they advance, committed
     * atomically. Only one batch commits at a time ({@link IndexedLedger} serialises them).
     */
    public final class Batch implements AutoCloseable {

        private final LedgerStore.Tx tx = store.begin();
        private final IndexState next = state.copy();

        /**
         * A ledger record read at {@code partition@offset}: an entry, indexed with the version its event
         * names, or a foreign record (only the offset advances; verify names it).
         *
         * @param event the entry's payload decoded, or null when it does not decode
         * @return the version indexed for the entry (null when none or not known yet)
         */
        public String record(int partition, long offset, LedgerItem item, SpecificRecord event) {
            if (item instanceof LedgerItem.Recorded recorded) {
                String version = event == null ? null : version(Keys.pk(partition, offset), recorded.entry(), event);
                entry(partition, offset, recorded.entry(), version);
                return version;
            }
            next.nextOffset[partition] = offset + 1;
            return null;
        }

        private void entry(int partition, long offset, Entry e, String version) {
            byte[] pk = Keys.pk(partition, offset);
            byte[] type = e.eventType().getBytes(StandardCharsets.UTF_8);
            byte[] timeKey = Keys.timeKey(e.recordedAt().toEpochMilli(), e.ledgerPartition(), e.sequence(), pk);
            tx.put(Keys.of(Keys.ENTRY, pk), EntryBytes.encode(e, version));
            tx.put(Keys.of(Keys.TIME, timeKey), type);
            tx.put(Keys.of(Keys.TARGET, e.target(), timeKey), type);
            tx.put(Keys.of(Keys.TYPE, e.eventType(), timeKey), new byte[0]);
            tx.put(Keys.of(Keys.SIMPLE_NAME, simpleName(e.eventType()), e.eventType()), new byte[0]);
            if (version != null) {
                tx.put(Keys.of(Keys.RELEASE, e.target(), version, timeKey), type);
            }
            tx.put(Keys.of(Keys.POSITION, e.ledgerPartition(), e.sequence(), pk), new byte[0]);
            if (e.sourceEventId() != null) {
                tx.put(Keys.of(Keys.EVENT_ID, e.sourceEventId(), pk), new byte[0]);
            }
            int lp = e.ledgerPartition();
            if (lp == partition && lp < partitions && e.sequence() == next.expected[lp]
                    && Arrays.equals(e.previousHash(), next.lastHash[lp])
                    && Arrays.equals(EntryEncoding.hash(e), e.entryHash())) {
                tx.put(Keys.of(Keys.CHAIN, lp, e.sequence()), ByteBuffer.allocate(Keys.PK + Sha256.LENGTH).put(pk)
                        .put(e.entryHash()).array());
                next.expected[lp]++;
                next.lastHash[lp] = e.entryHash();
            }
            next.entries++;
            next.nextOffset[partition] = Math.max(next.nextOffset[partition], offset + 1);
        }

        /**
         * The version an event names. A deployment report names only its command's sequence: the command
         * versions are kept on disk, and a report recorded before its command waits (on disk) until the
         * command shows up, which then names the report's version.
         */
        private String version(byte[] pk, Entry entry, SpecificRecord event) {
            if (event instanceof DeploymentCommand command) {
                tx.put(Keys.of(Keys.COMMAND, command.getTarget(), command.getSequence()),
                        command.getVersion().getBytes(StandardCharsets.UTF_8));
                nameWaitingReports(command.getTarget(), command.getSequence(), command.getVersion());
                return command.getVersion();
            }
            if (event instanceof DeploymentApplied applied) {
                byte[] version = tx.get(Keys.of(Keys.COMMAND, applied.getTarget(), applied.getSequence()));
                if (version == null) {
                    tx.put(Keys.of(Keys.WAITING, applied.getTarget(), applied.getSequence(), pk), new byte[0]);
                    return null;
                }
                return new String(version, StandardCharsets.UTF_8);
            }
            Schema.Field field = event.getSchema().getField("version");
            if (field == null) {
                return null;
            }
            Object version = event.get(field.pos());
            return version == null ? null : version.toString();
        }

        private void nameWaitingReports(String target, long sequence, String version) {
            byte[] prefix = Keys.of(Keys.WAITING, target, sequence);
            List<byte[]> waiting = new ArrayList<>();
            tx.scan(prefix, (key, value) -> waiting.add(key));
            for (byte[] key : waiting) {
                byte[] pk = Arrays.copyOfRange(key, key.length - Keys.PK, key.length);
                byte[] stored = tx.get(Keys.of(Keys.ENTRY, pk));
                if (stored != null) {
                    Entry report = EntryBytes.decode(stored).entry();
                    tx.put(Keys.of(Keys.ENTRY, pk), EntryBytes.encode(report, version));
                    tx.put(Keys.of(Keys.RELEASE, report.target(), version, Keys.timeKey(
                                    report.recordedAt().toEpochMilli(), report.ledgerPartition(), report.sequence(), pk)),
                            report.eventType().getBytes(StandardCharsets.UTF_8));
                }
                tx.delete(key);
            }
        }

        /**
         * A checkpoint topic record at {@code offset}: a checkpoint (null: not one) extends the Merkle tree
         * by the chain entries it newly covers, in tree order ({@code TreeOrder}: ascending partition, then
         * sequence), storing their leaf hashes and the complete subtree nodes above them.
         */
        public void checkpoint(long offset, Checkpoint checkpoint) {
            next.checkpointOffset = offset + 1;
            if (checkpoint == null) {
                return;
            }
            for (PartitionHead head : checkpoint.heads()) {
                int p = head.partition();
                if (p < 0 || p >= partitions) {
                    continue;
                }
                for (long s = next.covered[p] + 1; s <= head.sequence(); s++) {
                    byte[] chain = tx.get(Keys.of(Keys.CHAIN, p, s));
                    if (chain == null) {
                        break; // the chain is shorter than the checkpoint claims: verify reports it
                    }
                    byte[] entryHash = Arrays.copyOfRange(chain, Keys.PK, chain.length);
                    tx.put(Keys.of(Keys.LEAF_OF, p, s), Keys.longValue(next.treeSize));
                    tx.put(Keys.of(Keys.LEAF_AT, next.treeSize), ByteBuffer.allocate(12).putInt(p).putLong(s).array());
                    next.appendLeaf(MerkleTree.leafHash(entryHash),
                            (height, index, hash) -> tx.put(Keys.of(Keys.NODE, (byte) height, index), hash));
                }
                next.covered[p] = head.sequence();
            }
            tx.put(Keys.of(Keys.CHECKPOINT, next.checkpoints++), CheckpointBytes.encode(checkpoint));
        }

        public int pendingWrites() {
            return tx.count();
        }

        /** Writes the batch and the offsets it reached atomically, then makes them visible. */
        public void commit() {
            tx.put(STATE, next.encode());
            tx.commit();
            state = next;
        }

        @Override
        public void close() {
            tx.close();
        }
    }

    /** The page of entries matching {@code query}, with the total over all pages. */
    public IndexPage query(EntryQuery query) {
        Set<String> types = query.type() == null ? null : types(query.type());
        if (types != null && types.isEmpty()) {
            return new IndexPage(0, List.of());
        }
        long skip = (long) query.page() * query.size();
        long[] total = {0};
        List<Entry> items = new ArrayList<>();
        scanMatching(query.release(), types, query.from() == null ? null : query.from().toEpochMilli(),
                query.to() == null ? null : query.to().toEpochMilli(), pk -> {
                    if (total[0] >= skip && items.size() < query.size()) {
                        items.add(entry(pk));
                    }
                    total[0]++;
                });
        return new IndexPage(total[0], items);
    }

    /**
     * Every entry whose target is {@code target} (any when null) recorded in {@code [from, to)}, in ledger
     * time order, handed out one by one: an extract streams through this.
     */
    public void forEach(String target, Long fromMillis, Long toMillis, Consumer<Entry> sink) {
        scanMatching(target, null, fromMillis, toMillis, pk -> sink.accept(entry(pk)));
    }

    /** Walks the best posting list for the criteria, filtering the rest by the type stored with each key. */
    private void scanMatching(String release, Set<String> types, Long from, Long to, Consumer<byte[]> pks) {
        byte[] prefix;
        boolean filterType = types != null;
        if (release != null) {
            EntryQuery parts = new EntryQuery(release, null, null, null, 0, 1);
            prefix = parts.version() == null ? Keys.of(Keys.TARGET, parts.target())
                    : Keys.of(Keys.RELEASE, parts.target(), parts.version());
        } else if (types != null && types.size() == 1) {
            prefix = Keys.of(Keys.TYPE, types.iterator().next());
            filterType = false;
        } else {
            prefix = new byte[] {Keys.TIME};
        }
        byte[] lower = from == null ? null : concat(prefix, Keys.timeLow(from));
        byte[] upper = to == null ? null : concat(prefix, Keys.timeLow(to));
        boolean byType = filterType;
        store.scan(prefix, lower, upper, (key, value) -> {
            if (!byType || types.contains(new String(value, StandardCharsets.UTF_8))) {
                pks.accept(Keys.pkOfTimeKey(key));
            }
            return true;
        });
    }

    /**
     * Every entry of a target (or of a release's target, {@code target@version}) and every entry of the
     * given types, once each, in ledger time order: what replaying one release needs.
     */
    public List<Entry> releaseWith(String release, Set<String> alsoTypes) {
        List<byte[]> prefixes = new ArrayList<>();
        if (release != null) {
            prefixes.add(Keys.of(Keys.TARGET, new EntryQuery(release, null, null, null, 0, 1).target()));
        }
        alsoTypes.forEach(type -> prefixes.add(Keys.of(Keys.TYPE, type)));
        List<Entry> entries = new ArrayList<>();
        store.merged(prefixes, (key, value) -> {
            entries.add(entry(Keys.pkOfTimeKey(key)));
            return true;
        });
        return entries;
    }

    /** Every entry in ledger time order (replay of the whole ledger; the caller holds the list). */
    public List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        forEach(null, null, null, entries::add);
        return entries;
    }

    /**
     * The entries of the given full type names (null: all), in ledger time order, with the version each
     * was indexed under, one by one: how projections are rebuilt from disk after a restart.
     */
    void forEachOfTypes(Set<String> types, Consumer<EntryBytes.Stored> sink) {
        List<byte[]> prefixes = new ArrayList<>();
        if (types == null) {
            prefixes.add(new byte[] {Keys.TIME});
        } else {
            types.forEach(type -> prefixes.add(Keys.of(Keys.TYPE, type)));
        }
        store.merged(prefixes, (key, value) -> {
            sink.accept(stored(Keys.pkOfTimeKey(key)));
            return true;
        });
    }

    /** The entries of {@code target} in the valid hash chains, by partition then sequence (evidence cites only these). */
    public List<Entry> chainEntriesOf(String target) {
        List<Entry> entries = new ArrayList<>();
        store.scan(Keys.of(Keys.TARGET, target), null, null, (key, value) -> {
            byte[] pk = Keys.pkOfTimeKey(key);
            Entry entry = entry(pk);
            byte[] chain = store.get(Keys.of(Keys.CHAIN, entry.ledgerPartition(), entry.sequence()));
            if (chain != null && Arrays.equals(chain, 0, Keys.PK, pk, 0, Keys.PK)) {
                entries.add(entry);
            }
            return true;
        });
        entries.sort(Comparator.comparingInt(Entry::ledgerPartition).thenComparingLong(Entry::sequence));
        return entries;
    }

    /** The entries that recorded the event with this {@code meta.eventId} (more than one if re-published). */
    public List<Entry> bySourceEventId(String eventId) {
        List<Entry> entries = new ArrayList<>();
        store.scan(Keys.of(Keys.EVENT_ID, eventId), null, null, (key, value) -> {
            entries.add(entry(Arrays.copyOfRange(key, key.length - Keys.PK, key.length)));
            return true;
        });
        return entries;
    }

    /** The entries at {@code partition/sequence} (two when a forged copy sits next to the honest one). */
    public List<Entry> atPosition(int partition, long sequence) {
        List<Entry> entries = new ArrayList<>();
        store.scan(Keys.of(Keys.POSITION, partition, sequence), null, null, (key, value) -> {
            entries.add(entry(Arrays.copyOfRange(key, key.length - Keys.PK, key.length)));
            return true;
        });
        return entries;
    }

    /** Whether the record stored for {@code partition@offset} is {@code item} (a foreign record: none stored). */
    public boolean holds(int partition, long offset, LedgerItem item) {
        byte[] stored = store.get(Keys.of(Keys.ENTRY, Keys.pk(partition, offset)));
        if (item instanceof LedgerItem.Recorded recorded) {
            return stored != null && EntryBytes.decode(stored).entry().equals(recorded.entry());
        }
        return stored == null;
    }

    /** Checkpoints in publication order, one by one. */
    public void forEachCheckpoint(Consumer<Checkpoint> sink) {
        store.scan(new byte[] {Keys.CHECKPOINT}, null, null, (key, value) -> {
            sink.accept(CheckpointBytes.decode(value));
            return true;
        });
    }

    public Optional<Checkpoint> latestCheckpoint() {
        byte[][] last = store.last(new byte[] {Keys.CHECKPOINT});
        return last == null ? Optional.empty() : Optional.of(CheckpointBytes.decode(last[1]));
    }

    /** The latest checkpoint of exactly this tree size. */
    public Optional<Checkpoint> checkpointOfSize(long treeSize) {
        Checkpoint[] found = {null};
        forEachCheckpoint(c -> {
            if (c.treeSize() == treeSize) {
                found[0] = c;
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /** The leaf index of the chain entry at {@code partition/sequence}, if a checkpoint covers it. */
    public Optional<Long> leafIndexOf(int partition, long sequence) {
        byte[] index = store.get(Keys.of(Keys.LEAF_OF, partition, sequence));
        return index == null ? Optional.empty() : Optional.of(Keys.longOf(index));
    }

    /** The chain entry that is leaf {@code index} of the tree. */
    public Optional<Entry> leaf(long index) {
        if (index < 0 || index >= state.treeSize) {
            return Optional.empty();
        }
        ByteBuffer position = ByteBuffer.wrap(store.get(Keys.of(Keys.LEAF_AT, index)));
        byte[] chain = store.get(Keys.of(Keys.CHAIN, position.getInt(), position.getLong()));
        return chain == null ? Optional.empty() : Optional.of(entry(Arrays.copyOf(chain, Keys.PK)));
    }

    public byte[] leafHash(long index) {
        return node(0, index);
    }

    /** The RFC 9162 root of the first {@code size} leaves. */
    public byte[] rootAt(long size) {
        checkSize(size);
        return subtree(0, size);
    }

    /** RFC 9162 §2.1.3.1 PATH(m, D[n]) from the stored leaf and node hashes. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** RFC 9162 §2.1.4.1 PROOF(m, D[n]) from the stored leaf and node hashes. */
    public List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(first, 0, second, true, proof);
        return proof;
    }

    private void path(long m, long from, long to, List<byte[]> proof) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, from, from + k, proof);
            proof.add(subtree(from + k, to));
        } else {
            path(m - k, from + k, to, proof);
            proof.add(subtree(from, from + k));
        }
    }

    private void subproof(long m, long from, long to, boolean complete, List<byte[]> proof) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(subtree(from, to));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, from, from + k, complete, proof);
            proof.add(subtree(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(subtree(from, from + k));
        }
    }

    /** MTH of leaves [from, to): one read for a stored perfect subtree, else split like RFC 9162. */
    private byte[] subtree(long from, long to) {
        long n = to - from;
        if (n == 1) {
            return node(0, from);
        }
        if (Long.bitCount(n) == 1 && from % n == 0) {
            int height = Long.numberOfTrailingZeros(n);
            if (height >= IndexState.STORED_NODE_HEIGHT) {
                return node(height, from >>> height);
            }
        }
        long k = Long.highestOneBit(n - 1);
        return MerkleTree.nodeHash(subtree(from, from + k), subtree(from + k, to));
    }

    private byte[] node(int height, long index) {
        byte[] hash = store.get(Keys.of(Keys.NODE, (byte) height, index));
        if (hash == null) {
            throw new IllegalStateException("Merkle node " + height + "/" + index + " is not in the index");
        }
        return hash;
    }

    private void checkSize(long size) {
        if (size < 1 || size > state.treeSize) {
            throw new IllegalArgumentException("tree size " + size + " is outside 1.." + state.treeSize);
        }
    }

    private Entry entry(byte[] pk) {
        return stored(pk).entry();
    }

    private EntryBytes.Stored stored(byte[] pk) {
        byte[] value = store.get(Keys.of(Keys.ENTRY, pk));
        if (value == null) {
            throw new IllegalStateException("index key without its entry: " + Keys.pkPartition(pk) + "@"
                    + Keys.pkOffset(pk));
        }
        return EntryBytes.decode(value);
    }

    /** Full names matching a full or simple name. */
    private Set<String> types(String type) {
        Set<String> full = new HashSet<>();
        byte[] exact = Keys.of(Keys.TYPE, type);
        store.scan(exact, null, null, (key, value) -> {
            full.add(type);
            return false;
        });
        if (!full.isEmpty()) {
            return full;
        }
        byte[] prefix = Keys.of(Keys.SIMPLE_NAME, type);
        store.scan(prefix, null, null, (key, value) -> {
            full.add(new String(key, prefix.length, key.length - prefix.length - 1, StandardCharsets.UTF_8));
            return true;
        });
        return full;
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    @Override
    public void close() {
        store.close();
    }
}
