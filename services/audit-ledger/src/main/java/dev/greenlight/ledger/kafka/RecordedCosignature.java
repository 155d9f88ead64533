package dev.greenlight.ledger.kafka;

import java.time.Instant;

/**
 * A witness cosignature as the ledger recorded it, without the Avro wrapping.
 *
 * @param treeSize       size of the cosigned checkpoint
 * @param checkpointText the cosigned note text
 * @param witnessKey     the witness's verifier key (type 0x04)
 * @param signatureLine  the note signature line, no newline
 * @param cosignedAt     the time inside the cosignature
 * @param submittedBy    the authenticated caller who submitted it
 */
public record RecordedCosignature(long treeSize, String checkpointText, String witnessKey, String signatureLine,
        Instant cosignedAt, String submittedBy) {
}
