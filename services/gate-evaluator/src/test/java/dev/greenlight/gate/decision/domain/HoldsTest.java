package dev.greenlight.gate.decision.domain;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.fired;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.gate.decision.domain.GateScenario.START;
import static dev.greenlight.gate.decision.domain.HoldEvents.lifted;
import static dev.greenlight.gate.decision.domain.HoldEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.CriterionResult;
import dev.greenlight.policy.engine.CriterionStatus;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.engine.PolicyEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Named holds in the gate core: a hold covering the target makes every stage HOLD naming it, a
 * lifted hold lets the release go again at once, and look-alike targets are not covered.
 */
class HoldsTest {

    private static final String SVC = "svc-a";
    private static final ReleaseRegistered RELEASE = release("r1", SVC, "1.0.0", ReleaseType.BUGFIX, START);
    private static final SpecificRecord SIGN_OFF = approval("p1", SVC, "1.0.0", "ap-1", "founder", "erin", START,
            null);

    @Test
    void givenAGoRelease_whenAHoldIsPlacedOnAPatternCoveringIt_thenHoldNamingTheHoldAndItsReason() {
        GateScenario s = new GateScenario().given(RELEASE, SIGN_OFF);
        assertThat(s.lastEmitted().decision().outcome()).isEqualTo(Outcome.GO);

        HoldPlaced hold = placed("h1", "hold-1", "incident-7", "svc-*", "erin", START.plusSeconds(60));
        s.now = START.plusSeconds(61);
        s.when(hold);

        assertThat(s.outcomes()).containsExactly(Outcome.HOLD);
        Decision held = s.lastEmitted().decision();
        assertThat(held.missing()).containsExactly("hold:incident-7");
        CriterionResult criterion = held.criterion("incident-7");
        assertThat(criterion.kind()).isEqualTo("hold");
        assertThat(criterion.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(criterion.blocking()).isTrue();
        assertThat(criterion.reason()).contains("incident-7", "svc-*", "erin", "incident INC-7 under investigation");
        assertThat(criterion.evidenceIds()).containsExactly("h1");
        assertThat(held.evidenceIds()).contains("h1");
    }

    @Test
    void givenAHeldRelease_whenTheHoldIsLifted_thenGoAgainAtOnceAndTheHoldIsNoLongerCited() {
        HoldPlaced hold = placed("h1", "hold-1", "incident-7", "svc-*", "erin", START);
        GateScenario s = new GateScenario().given(RELEASE, SIGN_OFF, hold);
        StageDecision held = s.lastEmitted();
        assertThat(held.decision().outcome()).isEqualTo(Outcome.HOLD);

        s.now = START.plus(Duration.ofMinutes(5));
        s.when(lifted("h2", hold, "erin", s.now));

        assertThat(s.outcomes()).containsExactly(Outcome.GO);
        StageDecision go = s.lastEmitted();
        assertThat(go.previousDecisionId()).isEqualTo(held.decision().decisionId());
        assertThat(go.decision().evidenceIds()).doesNotContain("h1", "h2");
        assertThat(go.decision().missing()).isEmpty();
    }

    @Test
    void aHoldOnEverythingHoldsEveryRelease_andAReleaseRegisteredLaterIsHeldFromItsFirstDecision() {
        GateScenario s = new GateScenario().given(placed("h1", "hold-1", "freeze-all", "*", "dave", START));

        s.when(RELEASE).when(SIGN_OFF);

        assertThat(s.lastEmitted().decision().outcome()).isEqualTo(Outcome.HOLD);
        assertThat(s.lastEmitted().decision().missing()).containsExactly("hold:freeze-all");
    }

    @Test
    void lookAlikeTargetsAreNotCovered_onlyWhatThePatternCoversExactlyIs() {
        GateScenario s = new GateScenario().given(RELEASE, SIGN_OFF);

        for (String notCovering : new String[] {"svc-ab", "svc-a-*", "svc", "svc-", "xsvc-a", "sv*-b"}) {
            s.when(placed("n-" + notCovering, "id-" + notCovering, "nope", notCovering, "erin", START));
            assertThat(s.step.evaluations()).as(notCovering).isZero();
        }
        s.when(placed("y", "id-y", "exact", "svc-a", "erin", START));
        assertThat(s.outcomes()).containsExactly(Outcome.HOLD);
    }

    @Test
    void aNoGoStaysNoGoUnderAHold_butStillNamesIt() {
        GateScenario s = new GateScenario().given(RELEASE, fired("a1", SVC, "fp", AlertSeverity.PAGE, START),
                placed("h1", "hold-1", "incident-7", "svc-a", "erin", START));

        Decision decision = s.lastEmitted().decision();
        assertThat(decision.outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(decision.missing()).contains("hold:incident-7");
    }

    @Test
    void aHeldDecisionReplaysByteForByteFromTheEventsItCites() throws IOException {
        HoldPlaced hold = placed("h1", "hold-1", "incident-7", "svc-*", "erin", START);
        GateScenario s = new GateScenario().given(RELEASE, SIGN_OFF, hold);
        s.now = START.plusSeconds(30);
        s.when(lifted("h2", hold, "erin", s.now));
        s.when(placed("h3", "hold-2", "incident-8", "svc-a", "dave", s.now));

        for (StageDecision recorded : s.emitted) {
            Decision replayed = new PolicyEngine().evaluate(
                    GateScenario.POLICIES.byHash(recorded.decision().policy().contentHash()).orElseThrow().policy(),
                    recorded.decision().stage(),
                    EvidenceFold.fold(RELEASE, EvidenceFold.cited(s.all, recorded.decision().evidenceIds())),
                    recorded.decision().evaluatedAt());
            assertThat(bytes(GateDecisions.toEvent(replayed, recorded.previousDecisionId())))
                    .isEqualTo(bytes(GateScenario.event(recorded)));
        }
        assertThat(s.emitted).extracting(d -> d.decision().outcome())
                .containsExactly(Outcome.HOLD, Outcome.GO, Outcome.HOLD, Outcome.GO, Outcome.HOLD);
    }

    private static byte[] bytes(GateDecided decided) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(GateDecided.class).write(decided, encoder);
        encoder.flush();
        return Arrays.copyOf(out.toByteArray(), out.size());
    }
}
