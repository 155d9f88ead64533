package dev.greenlight.gate.decision.domain;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.pass;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.gate.decision.domain.GateScenario.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.ReleaseType;
import dev.greenlight.policy.evidence.SourceOffset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The target's mark of how far its samples have been read: moved by each new sample's source
 * position (and reported in the step, for the stores), not by a duplicate or other evidence, and
 * restored with the rest of the state; the decisions' citations name it.
 */
class SamplesReadMarkTest {

    @Test
    void aNewSampleMovesTheMark_aDuplicateOrACheckDoesNot_andDecisionsCiteIt() {
        GateScenario s = new GateScenario(Coalescing.NONE, true)
                .given(release("r1", "metric-a", "1.0.0", ReleaseType.BUGFIX, START));

        s.when(metric("e1", "metric-a", null, "error_rate", 0.2, START));
        assertThat(s.step.samplesThrough()).isEqualTo(new SourceOffset(0, 0));
        assertThat(s.state.wakeUp("1.0.0")).isEmpty();
        assertThat(GateScenario.event(s.lastEmitted()).getEvidenceIds()).anyMatch(id -> id.startsWith("series@0:0/"));

        s.when(metric("e1", "metric-a", null, "error_rate", 0.2, START)); // redelivered, read at offset 1
        assertThat(s.step.samplesThrough()).as("a duplicate does not move it").isNull();
        s.when(pass("c1", "metric-a", "1.0.0", "unit-tests", START, Duration.ofSeconds(1)));
        assertThat(s.step.samplesThrough()).isNull();

        s.now = START.plusSeconds(1);
        s.when(metric("e2", "metric-a", null, "error_rate", 0.01, s.now)); // offset 2
        assertThat(s.step.samplesThrough()).isEqualTo(new SourceOffset(0, 2));
        assertThat(GateScenario.event(s.lastEmitted()).getEvidenceIds()).anyMatch(id -> id.startsWith("series@0:2/"));
    }

    @Test
    void aRestoredMarkIsCitedUntilTheNextSampleMovesIt() {
        GateScenario s = new GateScenario(Coalescing.NONE, true);
        s.state.restoreSamplesThrough(new SourceOffset(1, 41));
        s.unpositioned().given(metric("e1", "metric-a", null, "error_rate", 0.01, START),
                release("r1", "metric-a", "1.0.0", ReleaseType.BUGFIX, START));

        assertThat(GateScenario.event(s.lastEmitted()).getEvidenceIds()).anyMatch(id -> id.startsWith("series@1:41/"));
    }
}
