package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.PASS;
import static dev.greenlight.policy.engine.CriterionStatus.PENDING;

import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.evidence.CheckStatus;
import dev.greenlight.policy.model.DependencyCriterion;
import java.util.Comparator;
import java.util.List;

/**
 * Dependencies on other work items: the latest {@code dependency:<item>} report must be PASS
 * (closed). It is not bound to the release's revision, because the item lives elsewhere. An open
 * item is PENDING (wait or waive), never FAIL.
 */
final class DependencyEvaluator implements CriterionEvaluator<DependencyCriterion> {

    @Override
    public CriterionResult evaluate(DependencyCriterion criterion, EvaluationContext context) {
        List<CheckResult> reports = context.evidence().checks().stream()
                .filter(check -> check.name().equals(criterion.checkName()))
                .filter(check -> context.known(check.completedAt()))
                .sorted(Comparator.comparing(CheckResult::completedAt).thenComparing(CheckResult::id))
                .toList();
        List<String> ids = reports.stream().map(CheckResult::id).toList();
        if (reports.isEmpty()) {
            return CriterionResult.of(criterion, PENDING, null, "closed",
                    criterion.item() + " has no recorded state", ids, null);
        }
        CheckResult latest = reports.get(reports.size() - 1);
        if (latest.status() == CheckStatus.PASS) {
            return CriterionResult.of(criterion, PASS, "closed", "closed", criterion.item() + " is closed", ids, null);
        }
        return CriterionResult.of(criterion, PENDING, "open", "closed",
                criterion.item() + " is not closed (" + latest.status() + ")", ids, null);
    }
}
