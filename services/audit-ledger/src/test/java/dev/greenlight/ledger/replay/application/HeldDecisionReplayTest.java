package dev.greenlight.ledger.replay.application;

import static dev.greenlight.ledger.replay.application.ReplayFixture.T;
import static dev.greenlight.ledger.replay.application.ReplayFixture.policy;
import static dev.greenlight.ledger.replay.application.ReplayFixture.policyActivated;
import static dev.greenlight.ledger.replay.application.ReplayFixture.release;
import static dev.greenlight.ledger.replay.application.ReplayFixture.securityScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.parser.PolicyParser;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * A decision made under a hold on a target pattern replays byte for byte from the ledger: the hold
 * is recorded under its pattern (its Kafka key), not the decision's target, so the replayer joins it
 * to every target it covers — and only to those.
 */
class HeldDecisionReplayTest {

    private final DecisionReplayer replayer = new DecisionReplayer(new PolicyParser(), new PolicyEngine());

    @Test
    void aDecisionUnderAPatternHoldIsReproducedFromTheLedgerAlone() {
        HoldPlaced hold = HoldPlaced.newBuilder().setMeta(new EventMetadata("hold-1", T, "erin"))
                .setTarget("rl-policy-*").setHoldId("h-1").setName("incident-7").setReason("INC-7")
                .setPlacedBy("erin").build();
        HoldPlaced elsewhere = HoldPlaced.newBuilder(hold).setMeta(new EventMetadata("hold-2", T, "erin"))
                .setTarget("rl-policy").setHoldId("h-2").setName("exact-other").build();
        GateDecided held = GateDecisions.toEvent(new PolicyEngine().evaluate(policy(), "shadow",
                EvidenceFold.fold(release(), List.of(securityScan(), hold, elsewhere)), T), null);
        assertThat(held.getOutcome()).isEqualTo(GateOutcome.HOLD);
        assertThat(held.getMissing()).contains("hold:incident-7").doesNotContain("hold:exact-other");

        ReplayReport report = replayer.replay(List.of(
                recorded(0, policyActivated()), recorded(1, release()), recorded(2, securityScan()),
                recorded(3, hold), recorded(4, elsewhere), recorded(5, held)), null);

        assertThat(report.results()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ReplayStatus.REPRODUCED));
    }

    private static RecordedEvent recorded(int offset, SpecificRecord event) {
        return new RecordedEvent("0/" + offset, event);
    }
}
