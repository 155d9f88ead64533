package dev.greenlight.ledger.replay.application;

import static dev.greenlight.ledger.replay.application.ReplayFixture.T;
import static dev.greenlight.ledger.replay.application.ReplayFixture.TARGET;
import static dev.greenlight.ledger.replay.application.ReplayFixture.VERSION;
import static dev.greenlight.ledger.replay.application.ReplayFixture.policy;
import static dev.greenlight.ledger.replay.application.ReplayFixture.policyActivated;
import static dev.greenlight.ledger.replay.application.ReplayFixture.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.parser.PolicyParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * A monitoring checkpoint's recorded decision (the RL policy's T+120: entropy degraded against the
 * ramp start) is reproduced byte for byte from the ledger, counted from its recorded stage start.
 */
class CheckpointReplayTest {

    private static final Instant RAMP = T.plus(Duration.ofHours(1));
    private final DecisionReplayer replayer = new DecisionReplayer(new PolicyParser(), new PolicyEngine());

    private static MetricObserved sample(String id, String name, double value, Instant at) {
        return MetricObserved.newBuilder().setMeta(new EventMetadata(id, at, "exporter")).setTarget(TARGET)
                .setVersion(null).setName(name).setValue(value).setObservedAt(at).setLabels(Map.of()).build();
    }

    private static List<SpecificRecord> evidence() {
        return List.of(release(),
                sample("e0", "policy_entropy", 0.93, RAMP.minusSeconds(60)),
                sample("q0", "q_spread", 1.8, RAMP.minusSeconds(60)),
                sample("e1", "policy_entropy", 0.929, RAMP.plus(Duration.ofMinutes(110))),
                sample("q1", "q_spread", 1.8, RAMP.plus(Duration.ofMinutes(110))));
    }

    private static GateDecided t120() {
        var evidence = EvidenceFold.fold(release(), evidence());
        return GateDecisions.toEvent(new PolicyEngine().evaluateCheckpoint(policy(), "live-10", "t+120", evidence, RAMP,
                RAMP.plus(Duration.ofMinutes(120))), null);
    }

    private static List<RecordedEvent> ledger(GateDecided decided) {
        List<SpecificRecord> events = new ArrayList<>();
        events.add(policyActivated());
        events.addAll(evidence());
        events.add(decided);
        List<RecordedEvent> ledger = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ledger.add(new RecordedEvent("0/" + i, events.get(i)));
        }
        return ledger;
    }

    @Test
    void aRecordedCheckpointDecisionIsReproducedByteForByte() {
        GateDecided recorded = t120();
        assertThat(recorded.getOutcome()).isEqualTo(GateOutcome.NO_GO);
        assertThat(recorded.getCheckpoint()).isEqualTo("t+120");

        ReplayReport report = replayer.replay(ledger(recorded), null);

        assertThat(report.results()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ReplayStatus.REPRODUCED));
    }

    @Test
    void aCheckpointDecisionWithAnotherStageStartDoesNotReplay() {
        GateDecided doctored = GateDecided.newBuilder(t120()).setStageStartedAt(RAMP.minus(Duration.ofHours(1))).build();

        ReplayReport report = replayer.replay(ledger(doctored), null);

        assertThat(report.ok()).isFalse();
    }
}
