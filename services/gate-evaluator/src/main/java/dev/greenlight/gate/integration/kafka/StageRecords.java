package dev.greenlight.gate.integration.kafka;

import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.GateDecided;
import dev.greenlight.gate.decision.kafka.GateStateQueries;
import dev.greenlight.gate.integration.domain.StageRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The gate's recorded decisions of one release, read from this instance's state stores (the same
 * state the decisions were emitted from) and turned into the verdict's plain records. The caller has
 * made sure this instance owns the target's partition.
 */
public final class StageRecords {

    private StageRecords() {
    }

    /** The release's decisions; empty when the release is not registered (here). */
    public static Optional<List<StageRecord>> of(KafkaStreams streams, String target, String version) {
        return GateStateQueries.release(streams, target, version)
                .map(state -> state.decisions().stream().map(StageRecords::of).toList());
    }

    static StageRecord of(GateDecided d) {
        List<String> reasons = new ArrayList<>();
        d.getCriteria().stream()
                .filter(c -> c.getStatus() == CriterionStatus.FAIL || c.getStatus() == CriterionStatus.PENDING)
                .sorted(Comparator.comparing((CriterionResult c) -> !c.getBlocking()))
                .forEach(c -> reasons.add(c.getName() + " " + c.getStatus() + (c.getBlocking() ? "" : " (advisory)")
                        + ": " + c.getReason()));
        d.getMissing().forEach(missing -> reasons.add("missing: " + missing));
        return new StageRecord(d.getStage(), d.getCheckpoint(), d.getStageStartedAt(), d.getOutcome().name(),
                d.getDecisionId(), reasons);
    }
}
