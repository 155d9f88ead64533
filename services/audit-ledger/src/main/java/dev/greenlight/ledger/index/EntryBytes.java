package dev.greenlight.ledger.index;

import dev.greenlight.ledger.verify.Entry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The value the index stores per record: the entry, field by field, and the release version its event
 * names. A private format (the index is a cache of the topic, rebuilt when {@link LedgerStore#FORMAT}
 * changes), chosen over Avro so reading an entry back needs no schema registry.
 */
final class EntryBytes {

    /** An entry read back from the index with the version it was indexed under (null: none). */
    record Stored(Entry entry, String version) {
    }

    private EntryBytes() {
    }

    static byte[] encode(Entry e, String version) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + e.payload().length);
            DataOutputStream out = new DataOutputStream(bytes);
            string(out, version);
            out.writeInt(e.ledgerPartition());
            out.writeLong(e.sequence());
            bytes(out, e.previousHash());
            bytes(out, e.entryHash());
            out.writeLong(e.recordedAt().toEpochMilli());
            string(out, e.entryId());
            string(out, e.principal());
            string(out, e.target());
            string(out, e.sourceTopic());
            out.writeInt(e.sourcePartition());
            out.writeLong(e.sourceOffset());
            string(out, e.sourceEventId());
            string(out, e.eventType());
            out.writeInt(e.schemaId());
            bytes(out, e.payload());
            bytes(out, e.payloadSha256());
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Stored decode(byte[] value) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
            String version = string(in);
            Entry entry = new Entry(in.readInt(), in.readLong(), bytes(in), bytes(in),
                    Instant.ofEpochMilli(in.readLong()), string(in), string(in), string(in), string(in), in.readInt(),
                    in.readLong(), string(in), string(in), in.readInt(), bytes(in), bytes(in));
            return new Stored(entry, version);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            bytes(out, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? new String(bytes(in), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }
}
