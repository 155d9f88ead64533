package dev.greenlight.ledger.verify;

/**
 * The size and root of the ledger's Merkle tree at one checkpoint whose signature and root the
 * verifier checked: what a later verification (e.g. against a saved checkpoint) builds on.
 *
 * @param treeSize number of leaves
 * @param rootHash RFC 9162 root over them
 */
public record TreeHead(long treeSize, byte[] rootHash) {
}
