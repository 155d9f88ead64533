package dev.greenlight.ledger.verify;

/**
 * The last entry of one ledger partition a checkpoint covers.
 *
 * @param partition ledger partition
 * @param sequence  sequence of its last covered entry, -1 when the partition is still empty
 * @param hash      entryHash of that entry, 32 zero bytes when empty
 */
public record PartitionHead(int partition, long sequence, byte[] hash) {
}
