package dev.greenlight.policy.engine;

import dev.greenlight.policy.model.Criterion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
        evidenceIds = sortedDistinct(evidenceIds);
    }

    static CriterionResult of(Criterion criterion, CriterionStatus status, String observed, String threshold,
                              String reason, List<String> evidenceIds, Instant nextChangeAt) {
        return new CriterionResult(criterion.name(), criterion.kind(), status, criterion.blocking(), observed,
                threshold, reason, evidenceIds, nextChangeAt);
    }

    private static List<String> sortedDistinct(List<String> ids) {
        // Evaluated for every criterion of every decision: a sort and one pass beat a stream's
        // distinct-then-sorted (a hash set plus a sort) on the hot path.
        String[] sorted = ids.toArray(String[]::new);
        Arrays.sort(sorted);
        List<String> distinct = new ArrayList<>(sorted.length);
        for (String id : sorted) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(id)) {
                distinct.add(id);
            }
        }
        return Collections.unmodifiableList(distinct);
    }
}
