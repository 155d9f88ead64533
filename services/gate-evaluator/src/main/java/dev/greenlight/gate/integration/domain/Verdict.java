package dev.greenlight.gate.integration.domain;

import java.util.List;

/**
 * One stage's answer for a progressive-delivery tool: may the rollout go on ({@code go}), the gate's
 * outcome, and the reasons a person reads when it may not. A tool that polls it (an Argo Rollouts
 * {@code web} metric, a Kargo {@code http} step, a Flagger webhook) needs one boolean it can test
 * without knowing Greenlight's criteria; the reasons and the decision id explain and cite it.
 *
 * @param outcome    the stage decision's outcome (GO, NO_GO, HOLD), or {@value #PENDING} when the
 *                   release is registered but the stage is not decided yet
 * @param go         true only when the stage decision is GO and no later checkpoint of the stage's
 *                   current entry says otherwise
 * @param decisionId the stage decision the answer rests on; null while {@value #PENDING}
 */
public record Verdict(String target, String version, String stage, String outcome, boolean go, List<String> reasons,
                      String decisionId) {

    public static final String PENDING = "PENDING";

    public Verdict {
        reasons = List.copyOf(reasons);
    }
}
