package dev.greenlight.ledger.replay.application;

import java.util.List;

/**
 * Every replayed decision with the counts an auditor reads first. {@link #ok()} is the exit status:
 * an unreplayable decision is not a confirmed one, so it fails the replay as a mismatch does.
 *
 * @param results one per recorded decision, in ledger order
 */
public record ReplayReport(List<ReplayResult> results) {

    public ReplayReport {
        results = List.copyOf(results);
    }

    public int replayed() {
        return results.size();
    }

    public long reproduced() {
        return count(ReplayStatus.REPRODUCED);
    }

    public long mismatched() {
        return count(ReplayStatus.MISMATCH);
    }

    public long unreplayable() {
        return count(ReplayStatus.UNREPLAYABLE);
    }

    public boolean ok() {
        return reproduced() == replayed();
    }

    private long count(ReplayStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
