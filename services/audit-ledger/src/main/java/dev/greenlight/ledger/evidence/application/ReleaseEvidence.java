package dev.greenlight.ledger.evidence.application;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.evidence.domain.EvidenceBundle;
import dev.greenlight.ledger.evidence.domain.LedgerBasis;
import dev.greenlight.ledger.evidence.domain.Source;
import dev.greenlight.ledger.replay.application.LedgerEvents;
import dev.greenlight.ledger.replay.application.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one release's evidence out of a ledger snapshot: the target's entries from the valid hash
 * chains only (a record another producer slipped onto the ledger topic is not an entry and cannot be
 * cited), decoded, each tagged with its position and whether the latest signed checkpoint covers it,
 * then handed to the {@link EvidenceAssembler}.
 */
public final class ReleaseEvidence {

    private final LedgerEvents events;
    private final EvidenceAssembler assembler;

    public ReleaseEvidence(LedgerEvents events, EvidenceAssembler assembler) {
        this.events = events;
        this.assembler = assembler;
    }

    public Optional<EvidenceBundle> of(LedgerSnapshot snapshot, String target, String version, Instant at) {
        List<List<Entry>> chains = snapshot.validChains(skipped -> { });
        List<Entry> entries = new ArrayList<>();
        chains.forEach(chain -> chain.stream().filter(e -> e.target().equals(target)).forEach(entries::add));
        Optional<Checkpoint> latest = snapshot.checkpoints().isEmpty() ? Optional.empty()
                : Optional.of(snapshot.checkpoints().get(snapshot.checkpoints().size() - 1));
        return of(entries, latest, chains.stream().mapToLong(List::size).sum(), target, version, at);
    }

    /**
     * From what the on-disk index gives: the target's entries of the valid hash chains, the latest
     * checkpoint and the number of chain entries; only the target's entries are read and decoded.
     */
    public Optional<EvidenceBundle> of(List<Entry> targetChainEntries, Optional<Checkpoint> latest,
            long ledgerEntries, String target, String version, Instant at) {
        LedgerBasis basis = basis(latest.map(List::of).orElse(List.of()), ledgerEntries);
        Map<String, Entry> byPosition = new HashMap<>();
        targetChainEntries.forEach(e -> byPosition.put(e.position(), e));
        List<CitedEvent> cited = new ArrayList<>();
        for (RecordedEvent recorded : events.decode(targetChainEntries)) {
            Entry entry = byPosition.get(recorded.position());
            cited.add(new CitedEvent(source(entry, basis), recorded.event()));
        }
        return assembler.assemble(target, version, cited, basis, at);
    }

    static LedgerBasis basis(List<Checkpoint> checkpoints, long ledgerEntries) {
        if (checkpoints.isEmpty()) {
            return new LedgerBasis(0, null, null, null, Map.of(), ledgerEntries);
        }
        Checkpoint latest = checkpoints.get(checkpoints.size() - 1);
        Map<Integer, Long> heads = new HashMap<>();
        for (PartitionHead head : latest.heads()) {
            heads.put(head.partition(), head.sequence());
        }
        return new LedgerBasis(latest.treeSize(), Sha256.hex(latest.rootHash()), latest.signedAt(), latest.keyId(),
                heads, ledgerEntries);
    }

    private static Source source(Entry entry, LedgerBasis basis) {
        String type = entry.eventType().substring(entry.eventType().lastIndexOf('.') + 1);
        return new Source(entry.position(), entry.ledgerPartition(), entry.sequence(), type, entry.sourceEventId(),
                entry.recordedAt(), basis.covers(entry.ledgerPartition(), entry.sequence()));
    }
}
