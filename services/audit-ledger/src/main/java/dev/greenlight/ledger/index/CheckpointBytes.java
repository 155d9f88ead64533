package dev.greenlight.ledger.index;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.PartitionHead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A checkpoint as the index stores it (private format, like {@link EntryBytes}). */
final class CheckpointBytes {

    private CheckpointBytes() {
    }

    static byte[] encode(Checkpoint c) {
        byte[] keyId = c.keyId() == null ? new byte[0] : c.keyId().getBytes(StandardCharsets.UTF_8);
        int size = 8 + 4 + c.rootHash().length + 4 + 8 + 4 + keyId.length + 4 + c.signature().length;
        for (PartitionHead head : c.heads()) {
            size += 4 + 8 + 4 + head.hash().length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putLong(c.treeSize()).putInt(c.rootHash().length).put(c.rootHash()).putInt(c.heads().size());
        for (PartitionHead head : c.heads()) {
            b.putInt(head.partition()).putLong(head.sequence()).putInt(head.hash().length).put(head.hash());
        }
        b.putLong(c.signedAt().toEpochMilli()).putInt(keyId.length).put(keyId).putInt(c.signature().length)
                .put(c.signature());
        return b.array();
    }

    static Checkpoint decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long treeSize = b.getLong();
        byte[] root = bytes(b);
        int count = b.getInt();
        List<PartitionHead> heads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            heads.add(new PartitionHead(b.getInt(), b.getLong(), bytes(b)));
        }
        Instant signedAt = Instant.ofEpochMilli(b.getLong());
        String keyId = new String(bytes(b), StandardCharsets.UTF_8);
        return new Checkpoint(treeSize, root, heads, signedAt, keyId, bytes(b));
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] bytes = new byte[b.getInt()];
        b.get(bytes);
        return bytes;
    }
}
