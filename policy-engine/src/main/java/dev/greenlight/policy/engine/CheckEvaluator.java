package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.FAIL;
import static dev.greenlight.policy.engine.CriterionStatus.PASS;
import static dev.greenlight.policy.engine.CriterionStatus.PENDING;
import static dev.greenlight.policy.engine.CriterionStatus.WARN;

import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.evidence.CheckStatus;
import dev.greenlight.policy.model.CheckCriterion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Check criteria. Only runs against the release's revision count. Order of rules: a recent
 * failure (noFailWithin) or a failed latest run is FAIL; a WARN latest run is WARN; too few
 * consecutive qualifying PASS runs, too few passes or a stale latest PASS is PENDING (new runs can
 * fix it); otherwise PASS. Any run that is not a PASS breaks a consecutive sequence whatever its
 * length; the minimum run window only decides which passes count. Detail conditions are put to
 * the latest run once it is not a failure: an unmet condition or a value of the wrong type is FAIL
 * (the run itself says the release is not ready, e.g. an audit with open fixes), a key the run does
 * not report is PENDING; the decision shows the observed values.
 */
final class CheckEvaluator implements CriterionEvaluator<CheckCriterion> {

    private static final Comparator<CheckResult> BY_COMPLETION =
            Comparator.comparing(CheckResult::completedAt).thenComparing(CheckResult::id);

    @Override
    public CriterionResult evaluate(CheckCriterion criterion, EvaluationContext context) {
        String revision = context.release().revision();
        List<CheckResult> runs = context.evidence().checks().stream()
                .filter(run -> run.name().equals(criterion.check()))
                .filter(run -> run.revision().equals(revision))
                .filter(run -> context.known(run.completedAt()))
                .sorted(BY_COMPLETION)
                .toList();
        String threshold = threshold(criterion);
        List<String> ids = runs.stream().map(CheckResult::id).toList();
        if (runs.isEmpty()) {
            return CriterionResult.of(criterion, PENDING, null, threshold,
                    "no run of " + criterion.check() + " for revision " + shortRev(revision), ids, null);
        }
        CheckResult latest = runs.get(runs.size() - 1);
        DetailConditions details = criterion.details().isEmpty() ? null
                : DetailConditions.judge(criterion.details(), latest);
        String observed = observed(runs, latest, context) + (details == null ? "" : "; " + details.observed());
        if (criterion.noFailWithin() != null) {
            List<CheckResult> recentFailures = runs.stream()
                    .filter(run -> run.status().failed())
                    .filter(run -> context.within(run.completedAt(), criterion.noFailWithin()))
                    .toList();
            if (!recentFailures.isEmpty()) {
                CheckResult lastFailure = recentFailures.get(recentFailures.size() - 1);
                return CriterionResult.of(criterion, FAIL, observed, threshold,
                        criterion.check() + " " + lastFailure.status() + " at " + lastFailure.completedAt()
                                + ", within the last " + DurationText.format(criterion.noFailWithin()),
                        ids, lastFailure.completedAt().plus(criterion.noFailWithin()));
            }
        }
        if (latest.status().failed()) {
            return CriterionResult.of(criterion, FAIL, observed, threshold,
                    "latest run of " + criterion.check() + " is " + latest.status(), ids, null);
        }
        if (details != null && !details.failures().isEmpty()) {
            return CriterionResult.of(criterion, FAIL, observed, threshold,
                    "latest run of " + criterion.check() + ": " + String.join("; ", details.failures()), ids, null);
        }
        String unreported = details == null || details.missing().isEmpty() ? null
                : "latest run reports no " + String.join(", ", details.missing());
        if (latest.status() == CheckStatus.WARN) {
            if (unreported != null) {
                // A warning must not carry a run past the conditions it never reported on.
                return CriterionResult.of(criterion, PENDING, observed, threshold, criterion.check() + ": " + unreported,
                        ids, null);
            }
            return CriterionResult.of(criterion, WARN, observed, threshold,
                    "latest run of " + criterion.check() + " passed with warnings", ids, null);
        }
        List<String> unmet = new ArrayList<>();
        if (unreported != null) {
            unmet.add(unreported);
        }
        int needed = Math.max(1, criterion.consecutive());
        long streak = qualifyingStreak(runs, criterion.minRunWindow());
        if (streak < needed) {
            unmet.add(streak + " of " + needed + " consecutive qualifying PASS runs");
        }
        long passes = runs.stream().filter(run -> run.status() == CheckStatus.PASS).count();
        if (passes < criterion.minCount()) {
            unmet.add(passes + " of " + criterion.minCount() + " PASS runs");
        }
        Instant staleAt = null;
        if (criterion.maxAge() != null) {
            staleAt = latest.completedAt().plus(criterion.maxAge());
            if (!context.within(latest.completedAt(), criterion.maxAge())) {
                unmet.add("latest PASS is " + DurationText.age(Duration.between(latest.completedAt(), context.at()))
                        + " old, must be < " + DurationText.format(criterion.maxAge()));
            }
        }
        if (!unmet.isEmpty()) {
            return CriterionResult.of(criterion, PENDING, observed, threshold,
                    criterion.check() + ": " + String.join("; ", unmet), ids, null);
        }
        return CriterionResult.of(criterion, PASS, observed, threshold,
                criterion.check() + " passed, latest " + DurationText.age(Duration.between(latest.completedAt(),
                        context.at())) + " old", ids, context.earliestFuture(Stream.of(staleAt)));
    }

    /**
     * Qualifying PASS runs since the latest run that was not a PASS. "Consecutive" means
     * consecutive: a FAIL, ERROR or WARN run of any length breaks the sequence (a short failing run
     * is still a failure), while the minimum run window applies to the passes — a PASS shorter than
     * it neither counts nor breaks the sequence.
     */
    private static long qualifyingStreak(List<CheckResult> runs, Duration minRunWindow) {
        long streak = 0;
        for (int i = runs.size() - 1; i >= 0 && runs.get(i).status() == CheckStatus.PASS; i--) {
            if (minRunWindow == null || runs.get(i).runDuration().compareTo(minRunWindow) >= 0) {
                streak++;
            }
        }
        return streak;
    }

    private static String observed(List<CheckResult> runs, CheckResult latest, EvaluationContext context) {
        long passes = runs.stream().filter(run -> run.status() == CheckStatus.PASS).count();
        return passes + " of " + runs.size() + " PASS, latest " + latest.status() + " "
                + DurationText.age(Duration.between(latest.completedAt(), context.at())) + " ago";
    }

    private static String threshold(CheckCriterion criterion) {
        List<String> parts = new ArrayList<>();
        int needed = Math.max(1, criterion.consecutive());
        String runs = criterion.minRunWindow() == null ? "" : " runs >= " + DurationText.format(criterion.minRunWindow());
        parts.add(needed == 1 && runs.isEmpty() ? "PASS" : needed + " consecutive PASS" + runs);
        if (criterion.maxAge() != null) {
            parts.add("latest < " + DurationText.format(criterion.maxAge()) + " old");
        }
        if (criterion.noFailWithin() != null) {
            parts.add("no FAIL in " + DurationText.format(criterion.noFailWithin()));
        }
        if (criterion.minCount() > 0) {
            parts.add(">= " + criterion.minCount() + " PASS runs");
        }
        if (!criterion.details().isEmpty()) {
            parts.add(DetailConditions.threshold(criterion.details()));
        }
        return String.join(", ", parts);
    }

    private static String shortRev(String revision) {
        return revision.length() > 12 ? revision.substring(0, 12) : revision;
    }
}
