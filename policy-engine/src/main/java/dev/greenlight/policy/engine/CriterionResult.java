package dev.greenlight.policy.engine;

import dev.greenlight.policy.model.Criterion;
import java.time.Instant;
import java.util.List;

/**
 * How one criterion evaluated, in the words a release captain reads: what was observed, what
 * was required, why, and from which evidence.
 *
 * @param nextChangeAt earliest future instant at which this result can change by time alone;
 *                     null when only new evidence can change it
 */
public record CriterionResult(String name, String kind, CriterionStatus status, boolean blocking, String observed,
                              String threshold, String reason, List<String> evidenceIds, Instant nextChangeAt) {

    public CriterionResult {
        evidenceIds = evidenceIds.stream().distinct().sorted().toList();
    }

    static CriterionResult of(Criterion criterion, CriterionStatus status, String observed, String threshold,
                              String reason, List<String> evidenceIds, Instant nextChangeAt) {
        return new CriterionResult(criterion.name(), criterion.kind(), status, criterion.blocking(), observed,
                threshold, reason, evidenceIds, nextChangeAt);
    }
}
