package dev.greenlight.ledger.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RocksDB database the index lives in: one key space ({@link Keys}), bounded native memory (a
 * fixed block cache and write buffer, off the Java heap), and atomic multi-key writes: a {@link Tx}
 * collects the keys of a batch of records together with the ledger offsets they were read up to and
 * commits them as one {@code WriteBatch}, so the stored offsets always describe exactly the stored
 * records. A store that does not open, or was written by another {@link #FORMAT}, is deleted and
 * rebuilt from the topic: it is a cache of the ledger, never a source of truth.
 */
final class LedgerStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerStore.class);

    /** Bumped when the key layout or value format changes; a store of another format is rebuilt. */
    static final String FORMAT = "greenlight-ledger-index/v1";
    private static final byte[] FORMAT_KEY = Keys.of(Keys.META, "format");

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final boolean deleteOnClose;
    private final Options options;
    private final LRUCache cache;
    private final WriteOptions writeOptions = new WriteOptions();
    private RocksDB db;

    private LedgerStore(Path dir, boolean deleteOnClose) {
        this.dir = dir;
        this.deleteOnClose = deleteOnClose;
        this.cache = new LRUCache(32L << 20);
        this.options = new Options().setCreateIfMissing(true).setWriteBufferSize(16L << 20)
                .setMaxWriteBufferNumber(2).setMaxOpenFiles(256)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache)
                        .setFilterPolicy(new BloomFilter(10)));
    }

    /**
     * Opens the store in {@code dir} (created when missing), or a fresh temporary one deleted on close
     * when {@code dir} is null. Anything unreadable is wiped: the index then rebuilds from offset 0.
     */
    static LedgerStore open(Path dir) {
        LedgerStore store;
        try {
            store = dir == null ? new LedgerStore(Files.createTempDirectory("ledger-index"), true)
                    : new LedgerStore(dir, false);
            Files.createDirectories(store.dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.openOrRebuild();
        return store;
    }

    private void openOrRebuild() {
        try {
            db = RocksDB.open(options, dir.toString());
            byte[] format = db.get(FORMAT_KEY);
            if (format != null && Arrays.equals(format, FORMAT.getBytes())) {
                return;
            }
            if (format != null || hasAnyKey()) {
                log.warn("Ledger index in {} has format {}, expected {}: rebuilding it from the ledger topic", dir,
                        new String(format == null ? new byte[0] : format), FORMAT);
                db.close();
                wipe();
                db = RocksDB.open(options, dir.toString());
            }
            db.put(FORMAT_KEY, FORMAT.getBytes());
        } catch (RocksDBException e) {
            log.warn("Ledger index in {} does not open ({}): rebuilding it from the ledger topic", dir, e.toString());
            if (db != null) {
                db.close();
            }
            wipe();
            try {
                db = RocksDB.open(options, dir.toString());
                db.put(FORMAT_KEY, FORMAT.getBytes());
            } catch (RocksDBException again) {
                throw new IllegalStateException("cannot create the ledger index in " + dir, again);
            }
        }
    }

    /** Deletes every key: the index starts again from an empty store (the topic was recreated). */
    synchronized void clear() {
        db.close();
        wipe();
        try {
            db = RocksDB.open(options, dir.toString());
            db.put(FORMAT_KEY, FORMAT.getBytes());
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot recreate the ledger index in " + dir, e);
        }
    }

    private boolean hasAnyKey() {
        try (RocksIterator it = db.newIterator()) {
            it.seekToFirst();
            return it.isValid();
        }
    }

    private void wipe() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("ledger index read failed", e);
        }
    }

    /** A scan visitor: the key and value; false stops the scan. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(byte[] key, byte[] value);
    }

    /** Visits the keys in {@code [from, to)} in order; {@code to} null: every key starting with {@code from}'s prefix. */
    void scan(byte[] prefix, byte[] from, byte[] to, Visitor visitor) {
        try (ReadOptions read = new ReadOptions(); RocksIterator it = db.newIterator(read)) {
            scan(it, prefix, from, to, visitor);
        }
    }

    static void scan(RocksIterator it, byte[] prefix, byte[] from, byte[] to, Visitor visitor) {
        for (it.seek(from == null ? prefix : from); it.isValid(); it.next()) {
            byte[] key = it.key();
            if (!startsWith(key, prefix) || (to != null && Arrays.compareUnsigned(key, to) >= 0)) {
                return;
            }
            if (!visitor.visit(key, it.value())) {
                return;
            }
        }
    }

    /**
     * Visits the union of several posting lists in the order of their suffixes (the time key), each
     * suffix once: a streaming k-way merge that holds one key per list.
     */
    void merged(List<byte[]> prefixes, Visitor visitor) {
        record Head(RocksIterator it, int prefixLength, byte[] suffix) {
        }
        List<RocksIterator> open = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> Arrays.compareUnsigned(a.suffix(), b.suffix()));
            for (byte[] prefix : prefixes) {
                RocksIterator it = db.newIterator();
                open.add(it);
                it.seek(prefix);
                if (it.isValid() && startsWith(it.key(), prefix)) {
                    heads.add(new Head(it, prefix.length, suffix(it.key(), prefix.length)));
                }
            }
            byte[] last = null;
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                byte[] key = head.it().key();
                byte[] value = head.it().value();
                if (last == null || !Arrays.equals(last, head.suffix())) {
                    last = head.suffix();
                    if (!visitor.visit(key, value)) {
                        return;
                    }
                }
                head.it().next();
                byte[] prefix = Arrays.copyOf(key, head.prefixLength());
                if (head.it().isValid() && startsWith(head.it().key(), prefix)) {
                    heads.add(new Head(head.it(), head.prefixLength(), suffix(head.it().key(), head.prefixLength())));
                }
            }
        } finally {
            open.forEach(RocksIterator::close);
        }
    }

    private static byte[] suffix(byte[] key, int prefixLength) {
        return Arrays.copyOfRange(key, prefixLength, key.length);
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The last key starting with {@code prefix} and its value, or null. */
    byte[][] last(byte[] prefix) {
        byte[] after = Arrays.copyOf(prefix, prefix.length + 1);
        after[prefix.length] = (byte) 0xff;
        try (RocksIterator it = db.newIterator()) {
            it.seekForPrev(after);
            return it.isValid() && startsWith(it.key(), prefix) ? new byte[][] {it.key(), it.value()} : null;
        }
    }

    Tx begin() {
        return new Tx();
    }

    /** A write batch that reads its own writes; nothing is visible to other readers before {@link #commit}. */
    final class Tx implements AutoCloseable {

        private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
        private final ReadOptions read = new ReadOptions();

        byte[] get(byte[] key) {
            try {
                return batch.getFromBatchAndDB(db, read, key);
            } catch (RocksDBException e) {
                throw new IllegalStateException("ledger index read failed", e);
            }
        }

        void put(byte[] key, byte[] value) {
            try {
                batch.put(key, value);
            } catch (RocksDBException e) {
                throw new IllegalStateException("ledger index write failed", e);
            }
        }

        void delete(byte[] key) {
            try {
                batch.delete(key);
            } catch (RocksDBException e) {
                throw new IllegalStateException("ledger index write failed", e);
            }
        }

        /** Like {@link LedgerStore#scan}, over the store as this batch would leave it. */
        void scan(byte[] prefix, Visitor visitor) {
            try (RocksIterator base = db.newIterator(); RocksIterator it = batch.newIteratorWithBase(base)) {
                LedgerStore.scan(it, prefix, null, null, visitor);
            }
        }

        int count() {
            return batch.count();
        }

        void commit() {
            try {
                db.write(writeOptions, batch);
            } catch (RocksDBException e) {
                throw new IllegalStateException("ledger index write failed", e);
            }
        }

        @Override
        public void close() {
            read.close();
            batch.close();
        }
    }

    @Override
    public synchronized void close() {
        if (db != null) {
            db.close();
            db = null;
        }
        writeOptions.close();
        options.close();
        cache.close();
        if (deleteOnClose) {
            wipe();
            dir.toFile().delete();
        }
    }
}
