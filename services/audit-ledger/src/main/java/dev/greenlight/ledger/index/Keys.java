package dev.greenlight.ledger.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte layout of the on-disk index's keys (docs/ledger.md §13). RocksDB orders keys bytewise,
 * so every number is written big-endian with its sign bit flipped: the byte order of a key is then the
 * order of its fields, and a posting list ordered by {@code (recordedAt, partition, sequence)} is a
 * contiguous key range. A record is identified by where it sits in the ledger topic
 * ({@code pk} = Kafka partition and offset, 12 bytes), which also keeps a forged copy of an entry
 * (same ledger partition and sequence) apart from the honest one.
 */
final class Keys {

    /** Record by pk -> the entry and its version ({@link EntryBytes}). */
    static final byte ENTRY = 'E';
    /** By time: timeKey -> event type. */
    static final byte TIME = 'T';
    /** By target: target, 0, timeKey -> event type. */
    static final byte TARGET = 'G';
    /** By full event type: type, 0, timeKey. */
    static final byte TYPE = 'Y';
    /** By release: target, 0, version, 0, timeKey -> event type. */
    static final byte RELEASE = 'R';
    /** Simple type name, 0, full type name. */
    static final byte SIMPLE_NAME = 'N';
    /** By position: ledger partition, sequence, pk. */
    static final byte POSITION = 'P';
    /** By recorded event's meta.eventId: id, 0, pk. */
    static final byte EVENT_ID = 'S';
    /** Deployment command versions: target, 0, command sequence -> version. */
    static final byte COMMAND = 'C';
    /** Deployment reports recorded before their command: target, 0, sequence, pk. */
    static final byte WAITING = 'W';
    /** Valid hash chain: ledger partition, sequence -> pk, entryHash. */
    static final byte CHAIN = 'H';
    /** Merkle tree: height (1 byte), index -> hash (height 0: leaf hashes). */
    static final byte NODE = 'L';
    /** Leaf index of a chain entry: ledger partition, sequence -> leaf index. */
    static final byte LEAF_OF = 'X';
    /** Chain position of a leaf: leaf index -> ledger partition, sequence. */
    static final byte LEAF_AT = 'Q';
    /** Checkpoints in publication order: number -> encoded checkpoint. */
    static final byte CHECKPOINT = 'K';
    /** Bookkeeping: name -> value (offsets, chain heads, tree frontier, counts). */
    static final byte META = 'M';

    static final int PK = 12;
    static final int TIME_KEY = 8 + 4 + 8 + PK;

    private Keys() {
    }

    static byte[] pk(int partition, long offset) {
        return ByteBuffer.allocate(PK).putInt(partition).putLong(offset).array();
    }

    static int pkPartition(byte[] pk) {
        return ByteBuffer.wrap(pk).getInt();
    }

    static long pkOffset(byte[] pk) {
        return ByteBuffer.wrap(pk).getLong(4);
    }

    /** (recordedAt, ledger partition, sequence, pk) in byte order. */
    static byte[] timeKey(long recordedAt, int ledgerPartition, long sequence, byte[] pk) {
        return ByteBuffer.allocate(TIME_KEY).putLong(recordedAt ^ Long.MIN_VALUE)
                .putInt(ledgerPartition ^ Integer.MIN_VALUE).putLong(sequence ^ Long.MIN_VALUE).put(pk).array();
    }

    /** The smallest time key at {@code recordedAt}: the bound of a from/to range. */
    static byte[] timeLow(long recordedAt) {
        return ByteBuffer.allocate(8).putLong(recordedAt ^ Long.MIN_VALUE).array();
    }

    static byte[] pkOfTimeKey(byte[] key) {
        byte[] pk = new byte[PK];
        System.arraycopy(key, key.length - PK, pk, 0, PK);
        return pk;
    }

    static byte[] of(byte tag, Object... parts) {
        ByteBuffer buffer = ByteBuffer.allocate(size(parts) + 1).put(tag);
        for (Object part : parts) {
            if (part instanceof String s) {
                buffer.put(s.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
            } else if (part instanceof byte[] b) {
                buffer.put(b);
            } else if (part instanceof Integer i) {
                buffer.putInt(i ^ Integer.MIN_VALUE);
            } else if (part instanceof Long l) {
                buffer.putLong(l ^ Long.MIN_VALUE);
            } else if (part instanceof Byte b) {
                buffer.put(b);
            } else {
                throw new IllegalArgumentException("cannot encode " + part);
            }
        }
        return buffer.array();
    }

    private static int size(Object... parts) {
        int size = 0;
        for (Object part : parts) {
            if (part instanceof String s) {
                size += s.getBytes(StandardCharsets.UTF_8).length + 1;
            } else if (part instanceof byte[] b) {
                size += b.length;
            } else if (part instanceof Integer) {
                size += 4;
            } else if (part instanceof Long) {
                size += 8;
            } else if (part instanceof Byte) {
                size += 1;
            } else {
                throw new IllegalArgumentException("cannot encode " + part);
            }
        }
        return size;
    }

    static byte[] longValue(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static long longOf(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }
}
