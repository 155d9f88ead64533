package dev.greenlight.ledger.replay.application;

import static dev.greenlight.ledger.replay.application.ReplayFixture.honestDecision;
import static dev.greenlight.ledger.replay.application.ReplayFixture.policyActivated;
import static dev.greenlight.ledger.replay.application.ReplayFixture.release;
import static dev.greenlight.ledger.replay.application.ReplayFixture.securityScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.parser.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A decision naming the traces of the evidence that changed it ({@code evidenceTraceIds}, read from
 * Kafka headers by the gate) still replays byte for byte: the replay cannot recompute which request
 * delivered the evidence and carries the ids over, while everything the engine computes is compared.
 */
class TracedDecisionReplayTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final DecisionReplayer replayer = new DecisionReplayer(new PolicyParser(), new PolicyEngine());

    private static List<RecordedEvent> ledger(GateDecided decision) {
        return List.of(new RecordedEvent("0/0", policyActivated()), new RecordedEvent("0/1", release()),
                new RecordedEvent("0/2", securityScan()), new RecordedEvent("0/3", decision));
    }

    @Test
    void aDecisionNamingItsEvidenceTracesIsReproducedByteForByte() {
        GateDecided traced = GateDecided.newBuilder(honestDecision()).setEvidenceTraceIds(List.of(TRACE)).build();

        ReplayReport report = replayer.replay(ledger(traced), null);

        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.status()).as(r.detail())
                .isEqualTo(ReplayStatus.REPRODUCED));
    }

    @Test
    void aDoctoredOutcomeIsStillAMismatchWhenTheDecisionNamesTraces() {
        GateDecided honest = honestDecision();
        GateOutcome other = honest.getOutcome() == GateOutcome.GO ? GateOutcome.NO_GO : GateOutcome.GO;
        GateDecided doctored = GateDecided.newBuilder(honest).setOutcome(other).setEvidenceTraceIds(List.of(TRACE))
                .build();

        ReplayReport report = replayer.replay(ledger(doctored), null);

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReplayStatus.MISMATCH);
            assertThat(r.differences()).containsExactly("outcome: recorded " + other + ", replayed " + honest.getOutcome());
        });
    }
}
