package dev.greenlight.policy.model;

import java.time.Duration;
import java.util.List;

/**
 * Sign-offs by people in roles. Every role in {@code require} needs its own approver; then
 * approvers in {@code anyOf} roles fill up to {@code count} distinct people in total (a quorum
 * such as founder + 1 other). The release author never counts.
 *
 * @param require roles that each need an approval
 * @param anyOf roles that may fill the remaining quorum seats
 * @param count distinct approvers needed in total; at least {@code require.size()}
 * @param maxAge approvals older than this no longer count; null for no limit
 */
public record ApprovalCriterion(CriterionCommon common, List<String> require, List<String> anyOf, int count,
                                Duration maxAge) implements Criterion {

    public ApprovalCriterion {
        require = List.copyOf(require);
        anyOf = List.copyOf(anyOf);
    }

    @Override
    public String kind() {
        return "approval";
    }
}
