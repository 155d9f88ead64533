package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.domain.ResumePoint;
import dev.greenlight.ledger.verify.PartitionHead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ResumePoint} as the metadata string of a committed consumer offset. The writer commits its
 * source offsets inside each ledger transaction ({@code sendOffsetsToTransaction}); the metadata of one
 * of them carries the resume point, so it is committed atomically with the checkpoint it names — never
 * ahead of the ledger, never behind a commit — and needs no disk of its own. Kafka keeps at most
 * {@link #LIMIT} characters of offset metadata by default ({@code offset.metadata.max.bytes}); three
 * ledger partitions and a tree of up to 2^64 leaves need under 3,000.
 */
final class ResumeMetadata {

    /** The broker's default {@code offset.metadata.max.bytes}; a longer string would fail the commit. */
    static final int LIMIT = 4096;

    private static final String PREFIX = "greenlight-ledger-resume-v1:";
    private static final int HASH = 32;

    private ResumeMetadata() {
    }

    static String encode(ResumePoint point) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(point.checkpointOffset());
            out.writeLong(point.treeSize());
            for (byte[] peak : point.peaks()) {
                out.write(peak);
            }
            out.writeInt(point.heads().size());
            for (PartitionHead head : point.heads()) {
                out.writeLong(head.sequence());
                out.write(head.hash());
                out.writeLong(point.headOffset(head.partition()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The resume point in {@code metadata}; empty when there is none or it does not parse (then: restore from the beginning). */
    static Optional<ResumePoint> decode(String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(metadata.substring(PREFIX.length()))))) {
            long checkpointOffset = in.readLong();
            long treeSize = in.readLong();
            List<byte[]> peaks = new ArrayList<>();
            for (int i = 0; i < Long.bitCount(treeSize); i++) {
                peaks.add(in.readNBytes(HASH));
            }
            int partitions = in.readInt();
            if (partitions < 0 || partitions > 1024) {
                return Optional.empty();
            }
            List<PartitionHead> heads = new ArrayList<>();
            long[] offsets = new long[partitions];
            for (int p = 0; p < partitions; p++) {
                long sequence = in.readLong();
                byte[] hash = in.readNBytes(HASH);
                offsets[p] = in.readLong();
                heads.add(new PartitionHead(p, sequence, hash));
            }
            if (in.read() != -1 || peaks.stream().anyMatch(peak -> peak.length != HASH)
                    || heads.stream().anyMatch(head -> head.hash().length != HASH)) {
                return Optional.empty();
            }
            return Optional.of(new ResumePoint(checkpointOffset, treeSize, peaks, heads, offsets));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
