package dev.greenlight.ledger.evidence.application;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.ledger.evidence.domain.DecisionRecord;
import dev.greenlight.ledger.evidence.domain.EvidenceBundle;
import dev.greenlight.ledger.evidence.domain.LedgerBasis;
import dev.greenlight.ledger.evidence.domain.ReleaseFacts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds a release's {@link EvidenceBundle} from recorded events only: no clock, no I/O, no lookup
 * outside the events handed in, so the same ledger always yields the same bundle (apart from
 * {@code generatedAt}), and a test can state the facts and read the report.
 */
public final class EvidenceAssembler {

    /**
     * @param target       release target
     * @param version      release version
     * @param targetEvents every recorded event of the target (others are ignored), in any order
     * @param basis        the checkpoint the events' sources were checked against
     * @param generatedAt  when the bundle is built
     * @return the bundle, empty when the ledger holds no registration of {@code target@version}
     */
    public Optional<EvidenceBundle> assemble(String target, String version, List<CitedEvent> targetEvents,
            LedgerBasis basis, Instant generatedAt) {
        return ReleaseEvents.select(target, version, targetEvents).map(release -> {
            List<DecisionRecord> decisions = DecisionRecords.of(release);
            return new EvidenceBundle(target + "@" + version, generatedAt, basis, facts(release), decisions,
                    TradingChecklist.of(release, decisions), Gate5Items.of(release));
        });
    }

    private static ReleaseFacts facts(ReleaseEvents release) {
        ReleaseRegistered r = release.release();
        return new ReleaseFacts(r.getTarget(), r.getVersion(), r.getReleaseType().name(), r.getRevision(),
                r.getAuthor(), r.getChangelog(), r.getPolicy(), r.getMeta().getOccurredAt(),
                r.getMeta().getPrincipal(), release.registration().source());
    }
}
