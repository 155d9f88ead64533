package dev.greenlight.ledger.kafka;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.LedgerCheckpoint;
import dev.greenlight.events.LedgerEntry;
import dev.greenlight.events.LedgerPartitionHead;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.domain.ChainHead;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.PartitionHead;
import java.nio.ByteBuffer;

/**
 * Maps between the domain and the Avro records on the ledger topics. The hashes are computed over
 * the domain values (canonical encoding), never over Avro bytes, so this mapping must be lossless.
 */
final class LedgerCodec {

    /** Key of every checkpoint record. */
    static final String CHECKPOINT_TARGET = "ledger";

    private LedgerCodec() {
    }

    static LedgerEntry toAvro(Entry entry) {
        return LedgerEntry.newBuilder()
                .setMeta(new EventMetadata(entry.entryId(), entry.recordedAt(), entry.principal()))
                .setTarget(entry.target())
                .setLedgerPartition(entry.ledgerPartition())
                .setSequence(entry.sequence())
                .setPreviousHash(ByteBuffer.wrap(entry.previousHash()))
                .setEntryHash(ByteBuffer.wrap(entry.entryHash()))
                .setRecordedAt(entry.recordedAt())
                .setSourceTopic(entry.sourceTopic())
                .setSourcePartition(entry.sourcePartition())
                .setSourceOffset(entry.sourceOffset())
                .setSourceEventId(entry.sourceEventId())
                .setEventType(entry.eventType())
                .setSchemaId(entry.schemaId())
                .setPayload(ByteBuffer.wrap(entry.payload()))
                .setPayloadSha256(ByteBuffer.wrap(entry.payloadSha256()))
                .setReason(entry.reason())
                .build();
    }

    static Entry fromAvro(LedgerEntry avro) {
        return new Entry(avro.getLedgerPartition(), avro.getSequence(), bytes(avro.getPreviousHash()),
                bytes(avro.getEntryHash()), avro.getRecordedAt(), avro.getMeta().getEventId(),
                avro.getMeta().getPrincipal(), avro.getTarget(), avro.getSourceTopic(), avro.getSourcePartition(),
                avro.getSourceOffset(), avro.getSourceEventId(), avro.getEventType(), avro.getSchemaId(),
                bytes(avro.getPayload()), bytes(avro.getPayloadSha256()), avro.getReason());
    }

    static LedgerCheckpoint toAvro(Checkpoint checkpoint) {
        return toAvro(checkpoint, null);
    }

    /** The checkpoint record with its C2SP signed note ({@code null}: none). */
    static LedgerCheckpoint toAvro(Checkpoint checkpoint, String signedNote) {
        return LedgerCheckpoint.newBuilder()
                .setMeta(new EventMetadata("ledger-checkpoint:" + checkpoint.treeSize(), checkpoint.signedAt(),
                        ChainHead.PRINCIPAL))
                .setTarget(CHECKPOINT_TARGET)
                .setTreeSize(checkpoint.treeSize())
                .setRootHash(ByteBuffer.wrap(checkpoint.rootHash()))
                .setPartitionHeads(checkpoint.heads().stream()
                        .map(head -> new LedgerPartitionHead(head.partition(), head.sequence(),
                                ByteBuffer.wrap(head.hash())))
                        .toList())
                .setSignedAt(checkpoint.signedAt())
                .setPublicKeyId(checkpoint.keyId())
                .setSignature(ByteBuffer.wrap(checkpoint.signature()))
                .setSignedNote(signedNote)
                .build();
    }

    static Checkpoint fromAvro(LedgerCheckpoint avro) {
        return new Checkpoint(avro.getTreeSize(), bytes(avro.getRootHash()),
                avro.getPartitionHeads().stream()
                        .map(head -> new PartitionHead(head.getPartition(), head.getSequence(), bytes(head.getHash())))
                        .toList(),
                avro.getSignedAt(), avro.getPublicKeyId(), bytes(avro.getSignature()));
    }

    /** The checkpoint's signed note text, absent on records written before notes existed. */
    static java.util.Optional<String> signedNote(LedgerCheckpoint avro) {
        return java.util.Optional.ofNullable(avro.getSignedNote());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
