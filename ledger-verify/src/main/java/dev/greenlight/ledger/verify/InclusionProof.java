package dev.greenlight.ledger.verify;

import java.util.List;

/**
 * An RFC 9162 inclusion proof of one entry: its leaf index, the tree size it is proven against and
 * the audit path.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    public InclusionProof {
        path = List.copyOf(path);
    }
}
