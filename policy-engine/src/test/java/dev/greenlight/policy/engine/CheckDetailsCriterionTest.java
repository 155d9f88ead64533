package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.REV;
import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.evidence.CheckStatus;
import dev.greenlight.policy.model.CheckCriterion;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.parser.PolicyParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Detail conditions on a check's latest run, both sides of every test: the trading runbook's
 * "PASS-WITH-FIXES is GO only when every fix is verified complete", wrong types and missing keys.
 */
class CheckDetailsCriterionTest {

    private static Criterion criterion(String details) {
        String yaml = """
                name: t
                version: "1"
                stages:
                  - name: gate
                    traffic: 0
                    criteria:
                      - name: audit
                        kind: check
                        details: %s
                """.formatted(details);
        return new PolicyParser().parse("t.yaml", yaml).stages().get(0).criteria().get(0);
    }

    private static final Criterion AUDIT =
            criterion("{verdict: {oneOf: [PASS, PASS-WITH-FIXES]}, openFixes: {equals: 0}}");

    private static CriterionResult judge(Criterion criterion, Map<String, Object> details) {
        return judge(criterion, CheckStatus.PASS, details);
    }

    private static CriterionResult judge(Criterion criterion, CheckStatus status, Map<String, Object> details) {
        var run = new CheckResult("a1", "audit", status, REV, hoursAgo(2), hoursAgo(1), details);
        return result(evidence().withChecks(List.of(run)), T, criterion);
    }

    @Test
    void anAuditWithAnOpenFixFailsNamingOpenFixesAndShowingTheObservedValues() {
        var result = judge(AUDIT, Map.of("verdict", "PASS-WITH-FIXES", "openFixes", 1));

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.reason()).isEqualTo("latest run of audit: openFixes is 1, must equal 0");
        assertThat(result.observed()).endsWith("; verdict=PASS-WITH-FIXES, openFixes=1");
        assertThat(result.threshold()).isEqualTo("PASS, verdict one of [PASS, PASS-WITH-FIXES], openFixes == 0");
        assertThat(result.evidenceIds()).containsExactly("a1");
    }

    @Test
    void anAuditWithEveryFixVerifiedCompletePasses() {
        var result = judge(AUDIT, Map.of("verdict", "PASS-WITH-FIXES", "openFixes", 0));

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.observed()).endsWith("; verdict=PASS-WITH-FIXES, openFixes=0");
    }

    @Test
    void aVerdictOutsideTheAllowedOnesFails() {
        var result = judge(AUDIT, Map.of("verdict", "FAIL", "openFixes", 0));

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.reason()).contains("verdict is FAIL, must be one of [PASS, PASS-WITH-FIXES]");
    }

    @Test
    void aValueOfTheWrongTypeFailsNamingTheKeyAndBothTypes() {
        var text = judge(AUDIT, Map.of("verdict", "PASS", "openFixes", "0"));
        var bool = judge(AUDIT, Map.of("verdict", "PASS", "openFixes", false));

        assertThat(text.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(text.reason()).contains("openFixes is a text (0), must be a number");
        assertThat(bool.reason()).contains("openFixes is a boolean (false), must be a number");
    }

    @Test
    void aKeyTheRunDoesNotReportIsPendingNamingTheKey() {
        var result = judge(AUDIT, Map.of("verdict", "PASS-WITH-FIXES"));

        assertThat(result.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(result.reason()).isEqualTo("audit: latest run reports no openFixes");
        assertThat(result.observed()).endsWith("openFixes=(not reported)");
    }

    @Test
    void aFailedRunStaysAFailureWhateverItsDetails() {
        var result = judge(AUDIT, CheckStatus.FAIL, Map.of("verdict", "PASS", "openFixes", 0));

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.reason()).isEqualTo("latest run of audit is FAIL");
    }

    @Test
    void anUnmetConditionOutranksAWarning() {
        assertThat(judge(AUDIT, CheckStatus.WARN, Map.of("verdict", "PASS", "openFixes", 2)).status())
                .isEqualTo(CriterionStatus.FAIL);
        assertThat(judge(AUDIT, CheckStatus.WARN, Map.of("verdict", "PASS", "openFixes", 0)).status())
                .isEqualTo(CriterionStatus.WARN);
        var unreported = judge(AUDIT, CheckStatus.WARN, Map.of("verdict", "PASS"));
        assertThat(unreported.status()).isEqualTo(CriterionStatus.PENDING);
        assertThat(unreported.reason()).isEqualTo("audit: latest run reports no openFixes");
    }

    @Test
    void numericComparisonsAreLiteralAtTheBound() {
        var atMost = criterion("{openFixes: {atMost: 2}}");
        var lessThan = criterion("{openFixes: {lessThan: 2}}");
        var atLeast = criterion("{coverage_pct: {atLeast: 80}}");
        var greaterThan = criterion("{coverage_pct: {greaterThan: 80}}");

        assertThat(judge(atMost, Map.of("openFixes", 2)).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(judge(atMost, Map.of("openFixes", 3)).status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(judge(lessThan, Map.of("openFixes", 2)).status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(judge(lessThan, Map.of("openFixes", 1.5)).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(judge(atLeast, Map.of("coverage_pct", 80)).status()).isEqualTo(CriterionStatus.PASS);
        assertThat(judge(atLeast, Map.of("coverage_pct", 79.9)).status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(judge(greaterThan, Map.of("coverage_pct", 80)).reason()).contains("coverage_pct is 80, must be > 80");
        assertThat(judge(greaterThan, Map.of("coverage_pct", 80.1)).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void booleansTextsListsAndPresenceAreTestedWithTheTypeThePolicyWrote() {
        var replay = criterion("{id: {present: true}, mergeBlocked: {equals: false}, decision: {notEquals: blocked},"
                + " reasons: {empty: true}}");
        Map<String, Object> pass = Map.of("id", "rg-7", "mergeBlocked", false, "decision", "pass", "reasons", List.of());
        Map<String, Object> blocked = Map.of("id", "rg-8", "mergeBlocked", true, "decision", "blocked",
                "reasons", List.of("candidate EXPERT differs"));

        assertThat(judge(replay, pass).status()).isEqualTo(CriterionStatus.PASS);
        var no = judge(replay, blocked);
        assertThat(no.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(no.reason()).isEqualTo("latest run of audit: mergeBlocked is true, must equal false;"
                + " decision is blocked, must not equal blocked; reasons is [candidate EXPERT differs], must be empty");
        assertThat(no.observed()).endsWith(
                "id=rg-8, mergeBlocked=true, decision=blocked, reasons=[candidate EXPERT differs]");
        assertThat(judge(criterion("{blocked: {equals: \"false\"}}"), Map.of("blocked", false)).reason())
                .contains("blocked is a boolean (false), must be a text");
        assertThat(judge(replay, Map.of("mergeBlocked", false, "decision", "pass", "reasons", List.of())).status())
                .isEqualTo(CriterionStatus.PENDING);
    }

    @Test
    void onlyTheLatestRunsDetailsCount() {
        var older = new CheckResult("a1", "audit", CheckStatus.PASS, REV, hoursAgo(5), hoursAgo(4),
                Map.of("verdict", "PASS", "openFixes", 0));
        var latest = new CheckResult("a2", "audit", CheckStatus.PASS, REV, hoursAgo(2), hoursAgo(1),
                Map.of("verdict", "PASS-WITH-FIXES", "openFixes", 3));

        var result = result(evidence().withChecks(List.of(older, latest)), T, AUDIT);

        assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
        assertThat(result.reason()).contains("openFixes is 3");
    }

    @Test
    void aCriterionWithoutConditionsReadsExactlyAsBefore() {
        var plain = new CheckCriterion(Given.common("audit"), "audit", null, 1, null, null, 0);
        var result = judge(plain, Map.of("openFixes", 4));

        assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
        assertThat(result.observed()).isEqualTo("1 of 1 PASS, latest PASS 1h ago");
        assertThat(result.threshold()).isEqualTo("PASS");
    }
}
