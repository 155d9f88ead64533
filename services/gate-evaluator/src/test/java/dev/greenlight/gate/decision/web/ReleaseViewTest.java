package dev.greenlight.gate.decision.web;

import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.decision.kafka.ReleaseState;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseViewTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final Policy policy = new PolicyParser().parse("ramp.yaml", """
            name: ramp
            version: "1"
            governs: {targets: ["svc*"]}
            stages:
              - name: shadow
                traffic: 0
                criteria:
                  - {name: signoff, kind: approval, roles: [founder]}
              - name: live-10
                traffic: 10
                criteria:
                  - {name: signoff, kind: approval, roles: [founder]}
              - name: live-100
                traffic: 100
                criteria:
                  - {name: signoff, kind: approval, roles: [founder]}
            """);

    @Test
    void stagesAreListedInThePolicysRampOrderNotInStoreOrder() {
        ReleaseRegistered registered = release("r1", "svc", "1.0.0", ReleaseType.BUGFIX, NOW);
        Evidence evidence = EvidenceFold.fold(registered, List.of());
        // The store returns decisions by key, i.e. alphabetically: live-10, live-100, shadow.
        List<GateDecided> stored = List.of(decided("live-10", evidence), decided("live-100", evidence),
                decided("shadow", evidence));

        ReleaseView view = ReleaseView.of(new ReleaseState(registered, stored), policy);

        assertThat(view.decisions()).extracting(StageDecisionView::stage)
                .containsExactly("shadow", "live-10", "live-100");
    }

    private GateDecided decided(String stage, Evidence evidence) {
        return GateDecisions.toEvent(new PolicyEngine().evaluate(policy, stage, evidence, NOW), null);
    }
}
