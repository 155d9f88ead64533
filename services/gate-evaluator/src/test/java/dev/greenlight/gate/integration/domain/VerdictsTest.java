package dev.greenlight.gate.integration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static final Instant ENTERED = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aGoStageDecisionIsGoAndCitesTheDecision() {
        Verdict verdict = Verdicts.of("ict-qm", "2.1.0", "live-10",
                List.of(stage("shadow", "GO", "d-0"), stage("live-10", "GO", "d-1")));

        assertThat(verdict.go()).isTrue();
        assertThat(verdict.outcome()).isEqualTo("GO");
        assertThat(verdict.decisionId()).isEqualTo("d-1");
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void holdAndNoGoAreNotGoAndCarryTheirReasons() {
        StageRecord hold = new StageRecord("live-10", null, null, "HOLD", "d-2",
                List.of("signoff PENDING: missing approval: founder"));

        Verdict verdict = Verdicts.of("ict-qm", "2.1.0", "live-10", List.of(hold));

        assertThat(verdict.go()).isFalse();
        assertThat(verdict.outcome()).isEqualTo("HOLD");
        assertThat(verdict.reasons()).containsExactly("signoff PENDING: missing approval: founder");
    }

    @Test
    void aStageNotDecidedYetIsPendingNeverGo() {
        Verdict verdict = Verdicts.of("ict-qm", "2.1.0", "live-100", List.of(stage("live-10", "GO", "d-1")));

        assertThat(verdict.go()).isFalse();
        assertThat(verdict.outcome()).isEqualTo(Verdict.PENDING);
        assertThat(verdict.decisionId()).isNull();
        assertThat(verdict.reasons()).containsExactly("stage live-100 is not decided yet");
    }

    @Test
    void aNoGoCheckpointOfTheStagesLatestEntryStopsAGoStage() {
        StageRecord killedAtT30 = new StageRecord("live-10", "T+30m", ENTERED, "NO_GO", "c-1",
                List.of("live-errors FAIL: 4 errors"));

        Verdict verdict = Verdicts.of("rl", "1.0.0", "live-10", List.of(stage("live-10", "GO", "d-1"), killedAtT30));

        assertThat(verdict.go()).isFalse();
        assertThat(verdict.outcome()).isEqualTo("GO");
        assertThat(verdict.reasons()).containsExactly("checkpoint T+30m: NO_GO", "live-errors FAIL: 4 errors");
    }

    @Test
    void aNoGoCheckpointOfAnEarlierEntryDoesNotStopTheStageEnteredAgain() {
        StageRecord earlier = new StageRecord("live-10", "T+30m", ENTERED, "NO_GO", "c-1", List.of("old"));
        StageRecord again = new StageRecord("live-10", "T+60m", ENTERED.plusSeconds(86_400), "GO", "c-2", List.of());

        Verdict verdict = Verdicts.of("rl", "1.0.0", "live-10", List.of(stage("live-10", "GO", "d-1"), earlier, again));

        assertThat(verdict.go()).isTrue();
    }

    private static StageRecord stage(String stage, String outcome, String decisionId) {
        return new StageRecord(stage, null, null, outcome, decisionId, List.of());
    }
}
