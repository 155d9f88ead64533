package dev.greenlight.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.policy.engine.CriterionResult;
import dev.greenlight.policy.engine.CriterionStatus;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.engine.PolicyRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateDecisionsTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    private static Decision decision(String id, Outcome outcome, CriterionStatus status, String observed) {
        CriterionResult result = new CriterionResult("policy-entropy", "metric", status, true, observed, ">= 0.9",
                "entropy is " + observed, List.of("m2", "m1"), T.plusSeconds(60));
        return new Decision(id, "rl-policy", "1.2.0", "live-10", outcome, List.of(result),
                outcome == Outcome.HOLD ? List.of("metric:policy-entropy") : List.of(), T.plusSeconds(60),
                new PolicyRef("rl-policy-go-nogo", "1", "abc"), T, List.of("m1", "m2", "r1"));
    }

    @Test
    void mapsEveryFieldAndUsesTheDecisionIdAsEventId() {
        GateDecided event = GateDecisions.toEvent(decision("d2", Outcome.HOLD, CriterionStatus.PENDING, null), "d1");

        assertThat(event.getMeta().getEventId()).isEqualTo("d2");
        assertThat(event.getMeta().getPrincipal()).isEqualTo("gate-evaluator");
        assertThat(event.getMeta().getOccurredAt()).isEqualTo(T);
        assertThat(event.getDecisionId()).isEqualTo("d2");
        assertThat(event.getPreviousDecisionId()).isEqualTo("d1");
        assertThat(event.getOutcome()).isEqualTo(GateOutcome.HOLD);
        assertThat(event.getMissing()).containsExactly("metric:policy-entropy");
        assertThat(event.getNextChangeAt()).isEqualTo(T.plusSeconds(60));
        assertThat(event.getPolicy().getContentHash()).isEqualTo("abc");
        assertThat(event.getEvidenceIds()).containsExactly("m1", "m2", "r1");
        assertThat(event.getCriteria()).singleElement().satisfies(c -> {
            assertThat(c.getStatus().name()).isEqualTo("PENDING");
            assertThat(c.getThreshold()).isEqualTo(">= 0.9");
            assertThat(c.getEvidenceIds()).containsExactly("m1", "m2");
        });
    }
}
