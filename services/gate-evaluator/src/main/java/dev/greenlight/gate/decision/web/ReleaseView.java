package dev.greenlight.gate.decision.web;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.gate.decision.kafka.ReleaseState;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.Stage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the evaluator knows about one release: the registration, the governing policy (null with
 * {@code policyStatus} "no policy" when none governs it, so nobody mistakes "not gated" for
 * "not yet decided") and the current decision per stage, then the latest decision of each
 * monitoring checkpoint of the stages entered (apart, so neither is mistaken for the other).
 */
record ReleaseView(String releaseId, String target, String version, String releaseType, String revision,
                   String author, Instant registeredAt, String policyStatus, PolicyView policy,
                   List<StageDecisionView> decisions, List<CheckpointDecisionView> checkpoints) {

    record PolicyView(String name, String version, String contentHash) {
    }

    static ReleaseView of(ReleaseState state, Policy policy) {
        ReleaseRegistered release = state.release();
        return new ReleaseView(release.getTarget() + "@" + release.getVersion(), release.getTarget(),
                release.getVersion(), release.getReleaseType().name(), release.getRevision(), release.getAuthor(),
                release.getMeta().getOccurredAt(), policy == null ? "no policy" : "gated",
                policy == null ? null : new PolicyView(policy.name(), policy.version(), policy.contentHash()),
                inStageOrder(state.decisions(), policy).stream().filter(d -> d.getCheckpoint() == null)
                        .map(StageDecisionView::of).toList(),
                inStageOrder(state.decisions(), policy).stream().filter(d -> d.getCheckpoint() != null)
                        .map(CheckpointDecisionView::of).toList());
    }

    /** Stages as the policy lists them (shadow before live-10 before live-100), not as stored. */
    private static List<GateDecided> inStageOrder(List<GateDecided> decisions, Policy policy) {
        if (policy == null) {
            return decisions;
        }
        List<String> order = policy.stages().stream().map(Stage::name).toList();
        return decisions.stream()
                .sorted(Comparator.comparingInt((GateDecided d) -> {
                    int index = order.indexOf(d.getStage());
                    return index < 0 ? Integer.MAX_VALUE : index;
                }).thenComparing(GateDecided::getStage))
                .toList();
    }
}
