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
        LedgerBasis basis = basis(snapshot.checkpoints(), chains.stream().mapToLong(List::size).sum());
        List<Entry> entries = new ArrayList<>();
        chains.forEach(chain -> chain.stream().filter(e -> e.target().equals(target)).forEach(entries::add));
        Map<String, Entry> byPosition = new HashMap<>();
        entries.forEach(e -> byPosition.put(e.position(), e));
        List<CitedEvent> cited = new ArrayList<>();
        for (RecordedEvent recorded : events.decode(entries)) {
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
