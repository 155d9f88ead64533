package dev.greenlight.gate.decision.web;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.gate.decision.kafka.ReleaseState;
import dev.greenlight.policy.model.Policy;
import java.time.Instant;
import java.util.List;

/**
 * What the evaluator knows about one release: the registration, the governing policy (null with
 * {@code policyStatus} "no policy" when none governs it, so nobody mistakes "not gated" for
 * "not yet decided") and the current decision per stage.
 */
record ReleaseView(String releaseId, String target, String version, String releaseType, String revision,
                   String author, Instant registeredAt, String policyStatus, PolicyView policy,
                   List<StageDecisionView> decisions) {

    record PolicyView(String name, String version, String contentHash) {
    }

    static ReleaseView of(ReleaseState state, Policy policy) {
        ReleaseRegistered release = state.release();
        return new ReleaseView(release.getTarget() + "@" + release.getVersion(), release.getTarget(),
                release.getVersion(), release.getReleaseType().name(), release.getRevision(), release.getAuthor(),
                release.getMeta().getOccurredAt(), policy == null ? "no policy" : "gated",
                policy == null ? null : new PolicyView(policy.name(), policy.version(), policy.contentHash()),
                state.decisions().stream().map(StageDecisionView::of).toList());
    }
}
