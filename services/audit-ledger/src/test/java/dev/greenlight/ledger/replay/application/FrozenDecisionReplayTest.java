package dev.greenlight.ledger.replay.application;

import static dev.greenlight.ledger.replay.application.ReplayFixture.T;
import static dev.greenlight.ledger.replay.application.ReplayFixture.policy;
import static dev.greenlight.ledger.replay.application.ReplayFixture.policyActivated;
import static dev.greenlight.ledger.replay.application.ReplayFixture.release;
import static dev.greenlight.ledger.replay.application.ReplayFixture.securityScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.parser.PolicyParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Decisions made before, inside and after a runtime freeze window, and after its lift, replay byte
 * for byte from the ledger: the freeze is recorded under its pattern, joined by the replayer to the
 * targets it covers like a hold, and its window is compared with the recorded evaluation instant.
 */
class FrozenDecisionReplayTest {

    private final DecisionReplayer replayer = new DecisionReplayer(new PolicyParser(), new PolicyEngine());

    @Test
    void decisionsBeforeInsideAndAfterAFreezeAndAfterItsLiftAreReproducedFromTheLedgerAlone() {
        FreezeDeclared freeze = FreezeDeclared.newBuilder().setMeta(new EventMetadata("freeze-1", T, "erin"))
                .setTarget("rl-*").setFreezeId("f-1").setName("quarter-close").setReason("quarter close")
                .setDeclaredBy("erin").setFrom(T.plus(Duration.ofHours(1))).setTo(T.plus(Duration.ofHours(2)))
                .setOverrideRoles(List.of("management")).setOverrideReleaseTypes(List.of("HOTFIX")).build();
        FreezeLifted lift = FreezeLifted.newBuilder().setMeta(new EventMetadata("freeze-2", T.plus(Duration.ofMinutes(90)),
                        "dave")).setTarget("rl-*").setFreezeId("f-1").setName("quarter-close").setLiftedBy("dave")
                .build();
        List<SpecificRecord> before = List.of(securityScan(), freeze);
        GateDecided early = decide(before, T.plus(Duration.ofMinutes(59)), null);
        GateDecided frozen = decide(before, T.plus(Duration.ofHours(1)), early);
        GateDecided lifted = decide(List.of(securityScan(), freeze, lift), T.plus(Duration.ofMinutes(90)), frozen);
        assertThat(early.getOutcome()).isEqualTo(GateOutcome.GO);
        assertThat(frozen.getOutcome()).isEqualTo(GateOutcome.HOLD);
        assertThat(frozen.getMissing()).containsExactly("freeze:quarter-close");
        assertThat(lifted.getOutcome()).isEqualTo(GateOutcome.GO);

        ReplayReport report = replayer.replay(List.of(
                recorded(0, policyActivated()), recorded(1, release()), recorded(2, securityScan()),
                recorded(3, freeze), recorded(4, early), recorded(5, frozen), recorded(6, lift),
                recorded(7, lifted)), null);

        assertThat(report.results()).hasSize(3)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReplayStatus.REPRODUCED));
    }

    private static GateDecided decide(List<SpecificRecord> events, Instant at, GateDecided previous) {
        return GateDecisions.toEvent(new PolicyEngine().evaluate(policy(), "shadow",
                EvidenceFold.fold(release(), events), at), previous == null ? null : previous.getDecisionId());
    }

    private static RecordedEvent recorded(int offset, SpecificRecord event) {
        return new RecordedEvent("0/" + offset, event);
    }
}
