package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/**
 * The ledger entry a fact of an evidence bundle was read from. Every item of a bundle cites one, so
 * an auditor can fetch the entry ({@code GET /entries}), prove it ({@code GET /proof/inclusion?partition=
 * &sequence=}) and check it against the checkpoint the bundle names instead of trusting the report.
 *
 * @param entry           ledger position {@code partition/sequence}
 * @param ledgerPartition ledger partition (hash chain)
 * @param sequence        sequence in that chain
 * @param eventType       simple Avro name of the recorded event
 * @param eventId         {@code meta.eventId} of the recorded event
 * @param recordedAt      when the ledger appended it
 * @param checkpointed    whether the bundle's checkpoint covers it (false: provable only after the next one)
 */
public record Source(String entry, int ledgerPartition, long sequence, String eventType, String eventId,
        Instant recordedAt, boolean checkpointed) {
}
