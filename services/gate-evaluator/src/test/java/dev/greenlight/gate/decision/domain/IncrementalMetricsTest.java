package dev.greenlight.gate.decision.domain;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.gate.decision.domain.GateScenario.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.DecisionInputs;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.model.Policy;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The gate with {@code incrementalMetrics}: the same verdicts as the raw evaluation on the same
 * stream, decisions whose size does not grow with the series' history, and every decision
 * replayable from the events it cites (series resolved by range, count and digest).
 */
class IncrementalMetricsTest {

    private static final String TARGET = "metric-a";
    private static final ReleaseRegistered RELEASE = release("r1", TARGET, "1.0.0", ReleaseType.BUGFIX, START);

    /** Sample {@code i}, observed when it arrives (one a second): error rate and latency, interleaved. */
    private static SpecificRecord sample(int i) {
        var observedAt = START.plusSeconds(i);
        return i % 2 == 0
                ? metric("m" + i, TARGET, i % 3 == 0 ? "1.0.0" : null, "error_rate", i % 400 < 20 ? 0.2 : 0.01, observedAt)
                : metric("m" + i, TARGET, null, "latency_ms", i % 700 < 30 ? 900 : 100 + i % 300, observedAt);
    }

    private static GateScenario run(boolean incremental, int samples) {
        GateScenario s = new GateScenario(Coalescing.NONE, incremental).given(RELEASE);
        for (int i = 0; i < samples; i++) {
            s.now = START.plusSeconds(i);
            s.when(sample(i));
        }
        s.after(Duration.ofHours(2)); // the latency window empties
        return s;
    }

    @Test
    void givenTheSameStream_thenTheSameVerdictsAsTheRawEvaluation_andDecisionsDoNotGrowWithHistory() {
        GateScenario raw = run(false, 2_000);
        GateScenario incremental = run(true, 2_000);

        assertThat(incremental.emitted).hasSize(raw.emitted.size()).hasSizeGreaterThan(4);
        for (int i = 0; i < raw.emitted.size(); i++) {
            Decision expected = raw.emitted.get(i).decision();
            Decision actual = incremental.emitted.get(i).decision();
            assertThat(actual.outcome()).isEqualTo(expected.outcome());
            assertThat(actual.evaluatedAt()).isEqualTo(expected.evaluatedAt());
            assertThat(actual.nextChangeAt()).isEqualTo(expected.nextChangeAt());
            assertThat(actual.criteria()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("evidenceIds")
                    .isEqualTo(expected.criteria());
            assertThat(actual.evidenceIds()).as("the release and at most one citation per criterion")
                    .hasSizeLessThanOrEqualTo(1 + actual.criteria().size());
        }
        assertThat(raw.emitted.get(raw.emitted.size() - 2).decision().evidenceIds())
                .as("the raw evaluation cites every sample").hasSizeGreaterThan(1_000);
        assertThat(incremental.state.samples).hasSameSizeAs(raw.state.samples);
    }

    @Test
    void everyIncrementalDecisionReplaysByteForByteFromTheSamplesItsCitationsResolveTo() {
        GateScenario s = run(true, 1_500);

        assertThat(s.emitted).hasSizeGreaterThan(4);
        for (StageDecision recorded : s.emitted) {
            GateDecided event = GateScenario.event(recorded);
            Policy policy = GateScenario.POLICIES.byHash(event.getPolicy().getContentHash()).orElseThrow().policy();
            assertThat(event.getEvidenceIds()).filteredOn(id -> id.startsWith("series"))
                    .allMatch(id -> id.startsWith("series@0:"), "citations bounded by the samples read");
            DecisionInputs inputs = DecisionInputs.of(RELEASE, s.all, event.getEvidenceIds(), s.positions::get);
            assertThat(inputs.unresolved()).isEmpty();
            Decision replayed = inputs.evaluate(new PolicyEngine(), policy, event.getStage(), event.getEvaluatedAt());
            assertThat(GateScenario.event(new StageDecision(recorded.version(), replayed,
                    recorded.previousDecisionId()))).isEqualTo(event);
        }
    }

    /** The case that kept the incremental evaluation switched off: observed inside the window, read after the decision. */
    @Test
    void givenASampleObservedInsideTheWindowThatArrivesAfterTheDecision_thenTheDecisionStillReplaysByteForByte() {
        GateScenario s = new GateScenario(Coalescing.NONE, true).given(RELEASE);
        s.when(metric("e1", TARGET, null, "error_rate", 0.2, START));
        s.now = START.plusSeconds(2);
        s.when(metric("e2", TARGET, null, "error_rate", 0.01, s.now));
        StageDecision recorded = s.lastEmitted();
        GateDecided decided = GateScenario.event(recorded);
        assertThat(decided.getEvidenceIds()).hasSize(2).contains("r1").anyMatch(id -> id.startsWith("series@0:1/"));

        SpecificRecord late = metric("late", TARGET, null, "error_rate", 0.9, START.plusSeconds(1));
        s.now = START.plusSeconds(3);
        s.when(late); // observed before the decision, read after it: live, the decision did not count it
        SeriesCitation cited = decided.getEvidenceIds().stream().map(SeriesCitation::parse)
                .flatMap(java.util.Optional::stream).findFirst().orElseThrow();
        assertThat(cited.covers(START.plusSeconds(1))).as("the late sample lies in the cited range").isTrue();

        DecisionInputs inputs = DecisionInputs.of(RELEASE, s.all, decided.getEvidenceIds(), s.positions::get);

        assertThat(inputs.unresolved()).isEmpty();
        Policy policy = GateScenario.POLICIES.byHash(decided.getPolicy().getContentHash()).orElseThrow().policy();
        Decision replayed = inputs.evaluate(new PolicyEngine(), policy, decided.getStage(), decided.getEvaluatedAt());
        assertThat(GateScenario.event(new StageDecision(recorded.version(), replayed, recorded.previousDecisionId())))
                .isEqualTo(decided);
    }

    @Test
    void aCitationWithoutItsArrivalBound_theFirstForm_reportsALateSampleAsUnresolvable_notSilentlyDifferent() {
        GateScenario s = new GateScenario(Coalescing.NONE, true).unpositioned().given(RELEASE);
        s.when(metric("e1", TARGET, null, "error_rate", 0.2, START));
        s.now = START.plusSeconds(2);
        s.when(metric("e2", TARGET, null, "error_rate", 0.01, s.now));
        GateDecided decided = GateScenario.event(s.lastEmitted());
        assertThat(decided.getEvidenceIds()).hasSize(2).contains("r1").anyMatch(id -> id.startsWith("series/"));
        s.when(metric("late", TARGET, null, "error_rate", 0.01, START.plusSeconds(1))); // observed before, arrives after

        DecisionInputs inputs = DecisionInputs.of(RELEASE, s.all, decided.getEvidenceIds());

        assertThat(inputs.unresolved()).singleElement().asString().contains("error_rate", "resolves to 3", "2 cited");
    }
}
