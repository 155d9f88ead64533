package dev.greenlight.gate.decision.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.engine.CriterionResult;
import dev.greenlight.policy.engine.CriterionStatus;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.engine.PolicyRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a new verdict. */
class LastVerdictTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    static Decision decision(String id, Outcome outcome, CriterionStatus status, String observed, String hash) {
        CriterionResult result = new CriterionResult("policy-entropy", "metric", status, true, observed, ">= 0.9",
                "entropy is " + observed, List.of("m2", "m1"), T.plusSeconds(60));
        return new Decision(id, "rl-policy", "1.2.0", "live-10", outcome, List.of(result),
                outcome == Outcome.HOLD ? List.of("metric:policy-entropy") : List.of(), T.plusSeconds(60),
                new PolicyRef("rl-policy-go-nogo", "1", hash), T, List.of("m1", "m2", "r1"));
    }

    @Test
    void onlyAnOutcomePolicyOrStatusChangeIsANewVerdict() {
        LastVerdict first = LastVerdict.of(decision("d1", Outcome.GO, CriterionStatus.PASS, "0.93", "abc"));

        assertThat(first.changedBy(LastVerdict.of(decision("d2", Outcome.GO, CriterionStatus.PASS, "0.95", "abc"))))
                .as("more evidence, same statuses").isFalse();
        assertThat(first.changedBy(LastVerdict.of(decision("d3", Outcome.GO, CriterionStatus.WARN, "0.91", "abc"))))
                .isTrue();
        assertThat(first.changedBy(LastVerdict.of(decision("d4", Outcome.HOLD, CriterionStatus.PENDING, null, "abc"))))
                .isTrue();
        assertThat(first.changedBy(LastVerdict.of(decision("d5", Outcome.GO, CriterionStatus.PASS, "0.93", "def"))))
                .as("another policy text").isTrue();
    }
}
