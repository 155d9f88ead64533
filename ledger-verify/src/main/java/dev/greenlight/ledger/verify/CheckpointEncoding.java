package dev.greenlight.ledger.verify;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The exact bytes a checkpoint signature covers (docs/ledger.md, "Checkpoints"). Big-endian;
 * {@code bytes}/{@code str} are a 4-byte length then the raw / UTF-8 bytes:
 * <pre>
 * bytes  tag = ASCII "greenlight-ledger-checkpoint/v1"
 * int64  treeSize
 * bytes  rootHash
 * int64  signedAt (epoch millis)
 * str    keyId
 * int32  number of heads, then per head: int32 partition, int64 sequence, bytes hash
 * </pre>
 * The tag differs from the entry tag so a signature over one can never be replayed as the other.
 */
public final class CheckpointEncoding {

    public static final String TAG = "greenlight-ledger-checkpoint/v1";

    private CheckpointEncoding() {
    }

    public static byte[] encode(Checkpoint checkpoint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeBytes(out, TAG.getBytes(StandardCharsets.US_ASCII));
            out.writeLong(checkpoint.treeSize());
            writeBytes(out, checkpoint.rootHash());
            out.writeLong(checkpoint.signedAt().toEpochMilli());
            writeBytes(out, checkpoint.keyId().getBytes(StandardCharsets.UTF_8));
            out.writeInt(checkpoint.heads().size());
            for (PartitionHead head : checkpoint.heads()) {
                out.writeInt(head.partition());
                out.writeLong(head.sequence());
                writeBytes(out, head.hash());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
