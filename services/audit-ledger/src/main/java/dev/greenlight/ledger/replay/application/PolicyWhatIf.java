package dev.greenlight.ledger.replay.application;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.evidence.DecisionInputs;
import dev.greenlight.policy.evidence.SourceOffset;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.policy.engine.CriterionResult;
import dev.greenlight.policy.engine.CriterionStatus;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.model.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * "What if this policy had been in force?" — the recorded decisions made under the candidate's
 * name are evaluated again under the candidate, on exactly the evidence each decision saw and at
 * the instant it was made, and every decision whose outcome would change is listed with the
 * criteria behind it. This is the replay gate of a policy change: a candidate that turns any
 * recorded GO into NO-GO is blocked until someone looks at why.
 */
public final class PolicyWhatIf {

    private final PolicyEngine engine;

    public PolicyWhatIf(PolicyEngine engine) {
        this.engine = engine;
    }

    public WhatIfReport evaluate(List<RecordedEvent> ledger, Policy candidate, String release) {
        Map<String, List<SpecificRecord>> eventsByTarget = new HashMap<>();
        List<SpecificRecord> holds = new ArrayList<>();
        List<GateDecided> decisions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RecordedEvent recorded : ledger) {
            if (recorded.event() instanceof GateDecided decided) {
                if (decided.getPolicy().getName().equals(candidate.name()) && selects(release, decided)
                        && seen.add(decided.getDecisionId())) {
                    decisions.add(decided);
                }
            } else if (EvidenceFold.isHold(recorded.event())) {
                holds.add(recorded.event()); // keyed by a pattern: joined to every target it covers below
            } else if (!(recorded.event() instanceof PolicyActivated)) {
                eventsByTarget.computeIfAbsent(EvidenceFold.target(recorded.event()), t -> new ArrayList<>())
                        .add(recorded.event());
            }
        }
        Map<SpecificRecord, SourceOffset> sources = DecisionReplayer.sources(ledger);
        List<WhatIfResult> results = new ArrayList<>();
        for (GateDecided decided : decisions) {
            List<SpecificRecord> events = DecisionReplayer.withHolds(
                    eventsByTarget.getOrDefault(decided.getTarget(), List.of()), holds, decided.getTarget());
            Optional<ReleaseRegistered> registered = DecisionReplayer.registration(decided, events);
            if (registered.isEmpty() || candidate.stage(decided.getStage()).isEmpty()) {
                results.add(result(decided, "UNKNOWN", List.of(registered.isEmpty()
                        ? "the registration of the release is not in the ledger"
                        : "the candidate has no stage '" + decided.getStage() + "'")));
                continue;
            }
            DecisionInputs inputs = DecisionInputs.of(registered.get(), events, decided.getEvidenceIds(), sources::get);
            Decision decision;
            if (decided.getCheckpoint() != null && decided.getStageStartedAt() != null) {
                // A recorded checkpoint decision is judged against the candidate's same checkpoint.
                if (candidate.stage(decided.getStage()).get().checkpoint(decided.getCheckpoint()).isEmpty()) {
                    results.add(result(decided, "UNKNOWN", List.of("the candidate has no checkpoint '"
                            + decided.getCheckpoint() + "' in stage '" + decided.getStage() + "'")));
                    continue;
                }
                decision = engine.evaluateCheckpoint(candidate, decided.getStage(), decided.getCheckpoint(), inputs.evidence(),
                        decided.getStageStartedAt(), decided.getEvaluatedAt()).decision();
            } else {
                decision = inputs.evaluate(engine, candidate, decided.getStage(), decided.getEvaluatedAt());
            }
            results.add(result(decided, decision.outcome().name(), reasons(decision)));
        }
        return new WhatIfReport(candidate.name() + " " + candidate.version(), candidate.contentHash(), results);
    }

    /** The criteria that keep the candidate from GO, each as "name: STATUS — reason". */
    private static List<String> reasons(Decision decision) {
        return decision.criteria().stream()
                .filter(c -> c.status() != CriterionStatus.PASS && c.status() != CriterionStatus.WAIVED)
                .map(PolicyWhatIf::describe)
                .toList();
    }

    private static String describe(CriterionResult c) {
        return c.name() + ": " + c.status() + " — " + c.reason();
    }

    private static WhatIfResult result(GateDecided decided, String candidate, List<String> reasons) {
        return new WhatIfResult(decided.getDecisionId(), decided.getTarget() + "@" + decided.getVersion(),
                decided.getStage(), decided.getEvaluatedAt().toString(), decided.getOutcome().name(), candidate,
                reasons);
    }

    private static boolean selects(String release, GateDecided decided) {
        if (release == null || release.isBlank()) {
            return true;
        }
        int at = release.lastIndexOf('@');
        return at < 0 ? decided.getTarget().equals(release)
                : decided.getTarget().equals(release.substring(0, at))
                        && decided.getVersion().equals(release.substring(at + 1));
    }
}
