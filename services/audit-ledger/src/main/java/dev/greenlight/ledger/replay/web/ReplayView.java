package dev.greenlight.ledger.replay.web;

import dev.greenlight.ledger.replay.application.ReplayReport;
import dev.greenlight.ledger.replay.application.ReplayResult;
import java.util.List;

/**
 * The replay answer: counts first, {@code ok} as the exit status a script checks, then one line per
 * recorded decision.
 */
record ReplayView(boolean ok, int replayed, long reproduced, long mismatched, long unreplayable,
        List<Result> results) {

    static ReplayView of(ReplayReport report) {
        return new ReplayView(report.ok(), report.replayed(), report.reproduced(), report.mismatched(),
                report.unreplayable(), report.results().stream().map(Result::of).toList());
    }

    /** One replayed decision; {@code entry} is its ledger position {@code partition/sequence}. */
    record Result(String decisionId, String release, String stage, String outcome, String status, String detail,
            List<String> differences, String entry) {

        static Result of(ReplayResult result) {
            return new Result(result.decisionId(), result.release(), result.stage(), result.outcome(),
                    result.status().name(), result.detail(), result.differences(), result.position());
        }
    }
}
