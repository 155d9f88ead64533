package dev.greenlight.policy.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.MetricCriterion;
import dev.greenlight.policy.model.Policy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Checkpoints parse with the ordinary criterion syntax; a bad one is refused naming its field. */
class CheckpointParserTest {

    private static String policy(String checkpoints) {
        return """
                name: demo
                version: "1"
                stages:
                  - name: live-10
                    traffic: 10
                    soak: 2h
                    checkpoints:
                """ + checkpoints.indent(6);
    }

    private static final String VALID = """
            - name: t+120
              at: 120m
              criteria:
                - {name: entropy-not-degraded, kind: metric, metric: policy_entropy, comparator: ">=", threshold: 1, baseline: stageStart}
              onFail: KILL
              obligation: {kind: post-mortem, due: 24h}
            - name: t+30
              at: 30m
              criteria:
                - {name: no-page-alerts, kind: alerts, severity: PAGE}
              onFail: rollback
            """;

    @Test
    void checkpointsAreReadInOffsetOrderWithTheirActionAndObligation() {
        Policy parsed = new PolicyParser().parse("p.yaml", policy(VALID));

        var checkpoints = parsed.stage("live-10").orElseThrow().checkpoints();
        assertThat(checkpoints).extracting(Checkpoint::name).containsExactly("t+30", "t+120");
        assertThat(checkpoints.get(0).onFail()).isEqualTo(GuardAction.ROLLBACK);
        assertThat(checkpoints.get(1).at()).isEqualTo(Duration.ofMinutes(120));
        assertThat(checkpoints.get(1).obligation().due()).isEqualTo(Duration.ofHours(24));
        assertThat(((MetricCriterion) checkpoints.get(1).criteria().get(0)).baseline().metric())
                .isEqualTo(Checkpoint.STAGE_START_BASELINE);
    }

    @Test
    void aCheckpointWithoutOffsetIsRefusedNamingAt() {
        assertRefused(VALID.replace("  at: 30m\n", ""), "checkpoint 't+30'", "missing required key 'at'");
    }

    @Test
    void aCheckpointAfterTheSoakIsRefusedNamingAt() {
        assertRefused(VALID.replace("at: 120m", "at: 121m"), "checkpoint 't+120': 'at' 121m is after the stage's soak (2h)");
    }

    @Test
    void aBadOffsetIsRefusedNamingAt() {
        assertRefused(VALID.replace("at: 30m", "at: half an hour"), "checkpoint 't+30': 'at' must be a duration");
    }

    @Test
    void anUnknownActionIsRefusedNamingOnFail() {
        assertRefused(VALID.replace("onFail: rollback", "onFail: panic"),
                "checkpoint 't+30': unknown onFail 'panic' (expected one of PAUSE, ROLLBACK, KILL)");
    }

    @Test
    void aMissingActionIsRefusedNamingOnFail() {
        assertRefused(VALID.replace("  onFail: rollback\n", ""), "checkpoint 't+30'", "missing required key 'onFail'");
    }

    @Test
    void aCheckpointWithoutCriteriaIsRefused() {
        assertRefused("""
                - name: t+30
                  at: 30m
                  onFail: KILL
                """, "checkpoint 't+30'", "needs at least one criterion in 'criteria'");
    }

    @Test
    void anUnknownObligationKindIsRefusedNamingKind() {
        assertRefused(VALID.replace("kind: post-mortem", "kind: apology"),
                "checkpoint 't+120': obligation", "unknown obligation kind 'apology'");
    }

    @Test
    void aTypoInACheckpointIsAnUnknownKey() {
        assertRefused(VALID.replace("onFail: KILL", "onFail: KILL\n  onfail: KILL"), "checkpoint 't+120'",
                "unknown key 'onfail'");
    }

    @Test
    void duplicateCheckpointNamesAreRefused() {
        assertRefused(VALID.replace("name: t+120", "name: t+30"), "duplicate checkpoint name 't+30'");
    }

    @Test
    void aStageStartBaselineOutsideACheckpointIsRefused() {
        String text = """
                name: demo
                version: "1"
                stages:
                  - name: live-10
                    criteria:
                      - {name: e, kind: metric, metric: policy_entropy, comparator: ">=", threshold: 1, baseline: stageStart}
                """;
        assertThatThrownBy(() -> new PolicyParser().parse("p.yaml", text))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("'baseline: stageStart' only means something inside a checkpoint");
    }

    private static void assertRefused(String checkpoints, String... fragments) {
        assertThatThrownBy(() -> new PolicyParser().parse("p.yaml", policy(checkpoints)))
                .isInstanceOf(PolicyParseException.class)
                .satisfies(e -> {
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).contains(fragment);
                    }
                });
    }
}
