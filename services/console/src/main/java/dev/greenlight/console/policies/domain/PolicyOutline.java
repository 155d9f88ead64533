package dev.greenlight.console.policies.domain;

import java.util.List;

/**
 * An announced policy as a reader wants it: what it governs and, per stage, its traffic, soak,
 * criteria (kind, rule, who approves or may waive) and guards. Built from the very text the gate
 * announced, so the table and the raw text behind its disclosure can never disagree.
 *
 * @param governs the target patterns and release types it is the default policy for
 * @param stages  in rollout order
 */
public record PolicyOutline(String name, String version, String description, String governs,
                            List<StageOutline> stages) {

    public PolicyOutline {
        stages = List.copyOf(stages);
    }

    /** One stage: traffic share, soak, its criteria, guards and checkpoints, each as one line. */
    public record StageOutline(String name, int traffic, String soak, List<CriterionOutline> criteria,
                               List<String> guards, List<String> checkpoints) {

        public StageOutline {
            criteria = List.copyOf(criteria);
            guards = List.copyOf(guards);
            checkpoints = List.copyOf(checkpoints);
        }
    }

    /**
     * One criterion of a stage.
     *
     * @param rule      its threshold, window or freshness in words, e.g. {@code q_spread <= 2 x q_spread_baseline}
     * @param approvers who must approve (approval criteria), or who may override; empty when nobody
     * @param waivers   who may waive it (its own or the policy's default)
     * @param appliesTo the release types it applies to; empty for all
     */
    public record CriterionOutline(String name, String kind, String rule, String approvers, String waivers,
                                   String appliesTo, boolean blocking) {
    }
}
