package dev.greenlight.gate.decision.domain;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.gate.decision.domain.GateScenario.START;
import static dev.greenlight.gate.decision.domain.HoldEvents.declared;
import static dev.greenlight.gate.decision.domain.HoldEvents.lifted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.engine.PolicyEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Runtime freeze windows in the gate core: a declared freeze wakes the gate exactly at {@code from}
 * (HOLD naming it) and at {@code to} (GO again), a lifted freeze lets the release go at once, an
 * override approval or release type lets it through, and every decision replays byte for byte.
 */
class FreezesTest {

    private static final String SVC = "svc-a";
    private static final ReleaseRegistered RELEASE = release("r1", SVC, "1.0.0", ReleaseType.BUGFIX, START);
    private static final SpecificRecord SIGN_OFF = approval("p1", SVC, "1.0.0", "ap-1", "founder", "erin", START,
            null);
    private static final Instant FROM = START.plus(Duration.ofHours(1));
    private static final Instant TO = START.plus(Duration.ofHours(3));
    private static final FreezeDeclared FREEZE = declared("f1", "freeze-1", "quarter-close", "svc-*", "erin", START,
            FROM, TO, List.of("management"), List.of("HOTFIX"));

    @Test
    void theGateWakesUpExactlyAtFromAndAtTo_holdingInBetweenNamingTheFreeze() {
        GateScenario s = new GateScenario().given(RELEASE, SIGN_OFF, FREEZE);
        assertThat(s.lastEmitted().decision().outcome()).isEqualTo(Outcome.GO);
        assertThat(s.state.wakeAt.values()).contains(FROM);

        s.after(Duration.ofHours(1).minusMillis(1));
        assertThat(s.outcomes()).isEmpty();
        s.after(Duration.ofMillis(1));
        assertThat(s.outcomes()).containsExactly(Outcome.HOLD);
        Decision held = s.lastEmitted().decision();
        assertThat(held.evaluatedAt()).isEqualTo(FROM);
        assertThat(held.missing()).containsExactly("freeze:quarter-close");
        assertThat(held.criterion("quarter-close").reason()).contains("svc-*", "declared by erin", "quarter close");
        assertThat(held.nextChangeAt()).isEqualTo(TO);

        s.after(Duration.ofHours(2));
        assertThat(s.outcomes()).containsExactly(Outcome.GO);
        assertThat(s.lastEmitted().decision().evaluatedAt()).isEqualTo(TO);
    }

    @Test
    void aLiftedFreezeLetsTheReleaseGoAtOnce() {
        GateScenario s = new GateScenario().given(RELEASE, SIGN_OFF, FREEZE);
        s.after(Duration.ofHours(1));
        assertThat(s.lastEmitted().decision().outcome()).isEqualTo(Outcome.HOLD);

        s.now = s.now.plusSeconds(60);
        s.when(lifted("f2", FREEZE, "dave", s.now));

        assertThat(s.outcomes()).containsExactly(Outcome.GO);
        assertThat(s.lastEmitted().decision().evidenceIds()).doesNotContain("f1", "f2");
    }

    @Test
    void anApprovalInAnOverrideRoleOrAnOverrideReleaseTypeIsNotFrozen() {
        GateScenario approved = new GateScenario().given(RELEASE, SIGN_OFF, FREEZE,
                approval("p2", SVC, "1.0.0", "ap-2", "management", "mona", START, null));
        approved.after(Duration.ofHours(1));
        ReleaseRegistered hotfix = release("r2", "svc-b", "1.0.1", ReleaseType.HOTFIX, START);
        GateScenario typed = new GateScenario().given(hotfix,
                approval("p3", "svc-b", "1.0.1", "ap-3", "founder", "erin", START, null), FREEZE);
        typed.after(Duration.ofHours(1));

        assertThat(approved.lastEmitted().decision().outcome()).isEqualTo(Outcome.GO);
        assertThat(typed.lastEmitted().decision().outcome()).isEqualTo(Outcome.GO);
    }

    @Test
    void everyDecisionUnderAFreezeReplaysByteForByteFromTheEventsItCites() throws IOException {
        GateScenario s = new GateScenario().given(RELEASE, SIGN_OFF, FREEZE);
        s.after(Duration.ofHours(1));
        s.after(Duration.ofMinutes(30));
        s.now = s.now.plusSeconds(1);
        s.when(lifted("f2", FREEZE, "erin", s.now));

        assertThat(s.emitted).extracting(d -> d.decision().outcome()).contains(Outcome.HOLD, Outcome.GO);
        for (StageDecision recorded : s.emitted) {
            Decision replayed = new PolicyEngine().evaluate(
                    GateScenario.POLICIES.byHash(recorded.decision().policy().contentHash()).orElseThrow().policy(),
                    recorded.decision().stage(),
                    EvidenceFold.fold(RELEASE, EvidenceFold.cited(s.all, recorded.decision().evidenceIds())),
                    recorded.decision().evaluatedAt());
            assertThat(bytes(GateDecisions.toEvent(replayed, recorded.previousDecisionId())))
                    .isEqualTo(bytes(GateScenario.event(recorded)));
        }
    }

    private static byte[] bytes(GateDecided decided) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(GateDecided.class).write(decided, encoder);
        encoder.flush();
        return Arrays.copyOf(out.toByteArray(), out.size());
    }
}
