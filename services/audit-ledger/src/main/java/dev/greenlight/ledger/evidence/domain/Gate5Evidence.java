package dev.greenlight.ledger.evidence.domain;

import java.util.List;

/**
 * The Gate5 playbook's "Evidence Recording" items for one release candidate.
 *
 * @param checks     every check of the release (latest report per name) with its run URL
 * @param lanes      the client-lane checks ({@code lane:*}) — lane results with their output summary
 * @param revision   the deployment revision (the registration's), null when not recorded
 * @param smokeCheck the latest {@code smoke-check} report, null when not recorded
 * @param replayGate the latest {@code replay-gate} report, null when not recorded
 * @param rollout    rollout steps in order
 * @param deployments deployment commands with their applied reports
 * @param rollbacks  rollbacks, pauses and aborts
 * @param incidents  kill switch and alert events of the target during the release's lifetime
 */
public record Gate5Evidence(List<CheckItem> checks, List<CheckItem> lanes, String revision, CheckItem smokeCheck,
        CheckItem replayGate, List<RolloutStep> rollout, List<DeploymentItem> deployments,
        List<RollbackItem> rollbacks, List<IncidentItem> incidents) {
}
