package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.Checkpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything on the ledger topics at one moment: the records of each ledger partition in storage
 * order (foreign ones included) and the checkpoints in publication order.
 *
 * @param partitions records per ledger partition (index = partition)
 * @param checkpoints checkpoints, oldest first
 */
public record LedgerSnapshot(List<List<LedgerItem>> partitions, List<Checkpoint> checkpoints) {

    public List<Entry> allEntries() {
        List<Entry> entries = new ArrayList<>();
        for (List<LedgerItem> partition : partitions) {
            for (LedgerItem item : partition) {
                if (item instanceof LedgerItem.Recorded recorded) {
                    entries.add(recorded.entry());
                }
            }
        }
        return entries;
    }

    /**
     * Per partition, the entries that form the valid chain (right sequence, previous hash and entry
     * hash), dropping anything else with a warning. This is what the writer resumes from: a record
     * some other producer slipped into the topic must not become the head the next entry links to.
     */
    public List<List<Entry>> validChains(Consumer<String> skipped) {
        List<List<Entry>> chains = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            List<Entry> chain = new ArrayList<>();
            byte[] last = new byte[Sha256.LENGTH];
            for (LedgerItem item : partitions.get(p)) {
                if (item instanceof LedgerItem.Recorded recorded && recorded.entry().ledgerPartition() == p
                        && recorded.entry().sequence() == chain.size()
                        && Arrays.equals(recorded.entry().previousHash(), last)
                        && Arrays.equals(EntryEncoding.hash(recorded.entry()), recorded.entry().entryHash())) {
                    chain.add(recorded.entry());
                    last = recorded.entry().entryHash();
                } else {
                    skipped.accept("not part of the chain of ledger partition " + p + ": " + item.location());
                }
            }
            chains.add(chain);
        }
        return chains;
    }
}
