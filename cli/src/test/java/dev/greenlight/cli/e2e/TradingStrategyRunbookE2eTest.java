package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.RunbookSteps.advancePast;
import static dev.greenlight.cli.e2e.RunbookSteps.approve;
import static dev.greenlight.cli.e2e.RunbookSteps.awaitApplied;
import static dev.greenlight.cli.e2e.RunbookSteps.awaitDecision;
import static dev.greenlight.cli.e2e.RunbookSteps.awaitRollout;
import static dev.greenlight.cli.e2e.RunbookSteps.awaitTarget;
import static dev.greenlight.cli.e2e.RunbookSteps.checks;
import static dev.greenlight.cli.e2e.RunbookSteps.criterion;
import static dev.greenlight.cli.e2e.RunbookSteps.metric;
import static dev.greenlight.cli.e2e.RunbookSteps.register;
import static dev.greenlight.cli.e2e.RunbookSteps.registerAs;
import static dev.greenlight.cli.e2e.RunbookSteps.rollout;
import static dev.greenlight.cli.e2e.WholeStack.advance;
import static dev.greenlight.cli.e2e.WholeStack.now;
import static dev.greenlight.cli.e2e.WholeStack.outcome;
import static dev.greenlight.cli.e2e.WholeStack.post;
import static dev.greenlight.cli.e2e.WholeStack.postOk;
import static dev.greenlight.cli.e2e.WholeStack.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.ObligationKind;
import dev.greenlight.events.ObligationOverdue;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutCompleted;
import dev.greenlight.events.RolloutStepStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The trading strategy release runbook through the whole stack (policy {@code trading-strategy}):
 * the staged GO path over fourteen simulated days, each NO-GO and rollback rule, the kill switch's
 * authority, and the hotfix path with its post-mortem deadline. Every scenario has its own target,
 * so scenarios only share the stack clock, which they only move forward.
 */
@ExtendWith(WholeStack.class)
@TestMethodOrder(OrderAnnotation.class)
class TradingStrategyRunbookE2eTest {

    private static final String GO = "ict-qm-e2e-go";
    private static final String DIVERGING = "ict-qm-e2e-diverging";
    private static final String ERRORS = "ict-qm-e2e-live-errors";
    private static final String KILLED = "ict-qm-e2e-kill-switch";
    private static final String HOTFIX = "ict-qm-e2e-hotfix";
    private static final String FIXES = "ict-qm-e2e-audit-fixes";

    private static ReferenceDeployer deployer;

    @BeforeAll
    static void startTheTradingEngine() {
        deployer = ReferenceDeployer.following(GO, DIVERGING, ERRORS, KILLED, HOTFIX);
    }

    @AfterAll
    static void stopTheTradingEngine() throws InterruptedException {
        if (deployer != null) {
            deployer.close();
        }
    }

    @Test
    @Order(1)
    void aStrategyGoesFromChecksAndAuditSignOffThroughPaper25And50To100PercentOverFourteenDays() {
        register(GO, "2.1.0", "STRATEGY", "a11ce01");
        Instant day0 = now();
        preReleaseChecksAndAuditSignOff(GO, "2.1.0", "a11ce01");

        // Day 0: paper trading may start; going live still lacks the paper results and sign-offs.
        JsonNode view = awaitDecision(GO, "2.1.0", v -> "GO".equals(outcome(v, "paper")));
        assertThat(outcome(view, "live-25")).isEqualTo("HOLD");
        assertThat(strings(stage(view, "live-25").path("missing"))).contains("metric:paper-trades",
                "approval:risk-review", "approval:founder-approval", "check:kill-switch-tested");
        JsonNode paper = awaitApplied(GO, "2.1.0", "paper", 0);
        Instant paperSoak = Instant.parse(paper.path("soakUntil").asString());
        assertThat(Duration.between(Instant.parse(paper.path("since").asString()), paperSoak)).isEqualTo(Duration.ofDays(4));

        // Days 1-3: paper validation; the GO for live-25 is given early but waits for day 4.
        advance(Duration.ofDays(2));
        paperResultsAndProductionSignOffs(GO, "2.1.0", "a11ce01", 14);
        awaitDecision(GO, "2.1.0", v -> "GO".equals(outcome(v, "live-25")));
        assertThat(rollout(awaitTarget(GO, t -> true), "2.1.0").path("stage").asString()).isEqualTo("paper");

        // Day 4: live at 25 % of target size.
        advancePast(paperSoak);
        JsonNode live25 = awaitApplied(GO, "2.1.0", "live-25", 25);
        metric(GO, "2.1.0", "live_errors_total", 1);
        awaitDecision(GO, "2.1.0", v -> "GO".equals(outcome(v, "live-50")) && "GO".equals(outcome(v, "live-100")));

        // Day 7: 50 %; day 14: full size.
        advancePast(Instant.parse(live25.path("soakUntil").asString()));
        JsonNode live50 = awaitApplied(GO, "2.1.0", "live-50", 50);
        advancePast(Instant.parse(live50.path("soakUntil").asString()));
        JsonNode full = awaitApplied(GO, "2.1.0", "live-100", 100);

        // Full size from day 14, then the policy's post-promotion week with the rollback table armed.
        assertThat(full.path("status").asString()).isEqualTo("WATCHING");
        assertThat(Duration.between(day0, Instant.parse(full.path("since").asString()))).isGreaterThanOrEqualTo(
                Duration.ofDays(14));
        advancePast(Instant.parse(full.path("watchUntil").asString()));
        awaitRollout(GO, "2.1.0", r -> "COMPLETED".equals(r.path("status").asString("")));
        assertThat(awaitTarget(GO, t -> true).path("stableVersion").asString()).isEqualTo("2.1.0");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<RolloutStepStarted> steps = LedgerEvents.recorded(GO, RolloutStepStarted.class);
            assertThat(steps).extracting(RolloutStepStarted::getStage)
                    .containsExactly("paper", "live-25", "live-50", "live-100");
            assertThat(steps).extracting(RolloutStepStarted::getTrafficPercent).containsExactly(0, 25, 50, 100);
        });
        LedgerEvents.awaitRecorded(GO, RolloutCompleted.class, c -> c.getVersion().equals("2.1.0"));
    }

    @Test
    @Order(2)
    void paperResultsDivergingMoreThan20PercentFromTheBacktestAreNoGoForLiveTrading() {
        register(DIVERGING, "2.2.0", "STRATEGY", "d1e2e20");
        preReleaseChecksAndAuditSignOff(DIVERGING, "2.2.0", "d1e2e20");
        paperResultsAndProductionSignOffs(DIVERGING, "2.2.0", "d1e2e20", 27);

        JsonNode view = awaitDecision(DIVERGING, "2.2.0", v -> "NO_GO".equals(outcome(v, "live-25")));
        JsonNode divergence = criterion(stage(view, "live-25"), "paper-vs-backtest");
        assertThat(divergence.path("status").asString()).isEqualTo("FAIL");
        assertThat(divergence.path("observed").asString()).isEqualTo("27");
        assertThat(divergence.path("reason").asString()).contains("27").contains("<= 20");
        assertThat(stage(view, "live-25").path("criteria")).filteredOn(c -> "FAIL".equals(c.path("status").asString()))
                .extracting(c -> c.path("name").asString()).containsExactly("paper-vs-backtest");

        // Paper trading runs its course, but the strategy never trades live.
        JsonNode paper = awaitApplied(DIVERGING, "2.2.0", "paper", 0);
        advancePast(Instant.parse(paper.path("soakUntil").asString()));
        JsonNode waiting = awaitRollout(DIVERGING, "2.2.0", r -> "AWAITING_GATE".equals(r.path("status").asString()));
        assertThat(waiting.path("trafficPercent").asInt()).isZero();
        assertThat(waiting.path("nextStep").asString()).isEqualTo("waiting for GO on stage live-25");
    }

    @Test
    @Order(3)
    void moreThanThreeLiveErrorsRollTheStrategyBackImmediately() {
        rampToLive25(ERRORS, "2.3.0", "e220e23");

        // Immediate: the stack clock stands still from here, so no deadline can have brought it on.
        metric(ERRORS, "2.3.0", "live_errors_total", 4);

        JsonNode rolledBack = awaitRollout(ERRORS, "2.3.0", r -> "ROLLED_BACK".equals(r.path("status").asString()));
        assertThat(rolledBack.path("trafficPercent").asInt()).isZero();
        RollbackTriggered trigger = LedgerEvents.awaitRecorded(ERRORS, RollbackTriggered.class, r -> true);
        assertThat(trigger.getGuard()).isEqualTo("live-errors");
        assertThat(trigger.getAction()).isEqualTo(GuardAction.ROLLBACK);
        assertThat(trigger.getStage()).isEqualTo("live-25");
        assertThat(trigger.getObserved()).contains("4");
        DeploymentCommand last = LedgerEvents.awaitRecorded(ERRORS, DeploymentCommand.class,
                c -> c.getTrafficPercent() == 0 && c.getSequence() > 2);
        assertThat(last.getVersion()).isEqualTo("2.3.0");
    }

    @Test
    @Order(4)
    void onCallActivatesTheKillSwitchButOnlyTheFounderMayDeactivateIt() {
        rampToLive25(KILLED, "2.4.0", "b1111a4");

        postOk(StackService.APPROVAL, "/api/v1/kill-switch", "erin", """
                {"target": "%s", "action": "ACTIVATE", "reason": "unexpected fills during live-25"}""".formatted(KILLED));
        JsonNode frozen = awaitTarget(KILLED, t -> t.path("killSwitch").path("active").asBoolean()
                && "KILLED".equals(rollout(t, "2.4.0").path("status").asString()));
        assertThat(rollout(frozen, "2.4.0").path("trafficPercent").asInt()).isZero();

        WholeStack.Reply refused = post(StackService.APPROVAL, "/api/v1/kill-switch", "erin", """
                {"target": "%s", "action": "DEACTIVATE", "reason": "looks fine now"}""".formatted(KILLED));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        ActionRefused recorded = LedgerEvents.awaitRecorded(KILLED, ActionRefused.class, a -> true);
        assertThat(recorded.getAttemptedBy()).isEqualTo("erin");
        assertThat(recorded.getAction()).isEqualTo("KILL_SWITCH_DEACTIVATE");
        assertThat(awaitTarget(KILLED, t -> true).path("killSwitch").path("active").asBoolean()).isTrue();

        postOk(StackService.APPROVAL, "/api/v1/kill-switch", "dave", """
                {"target": "%s", "action": "DEACTIVATE", "reason": "fills reconciled; founder authorises"}"""
                .formatted(KILLED));
        JsonNode lifted = awaitTarget(KILLED, t -> !t.path("killSwitch").path("active").asBoolean()
                && "PAUSED".equals(rollout(t, "2.4.0").path("status").asString()));
        assertThat(rollout(lifted, "2.4.0").path("trafficPercent").asInt()).isZero();

        // Lifting the switch does not trade by itself: a person resumes, and the stage restarts.
        postOk(StackService.ROLLOUT_CONTROLLER, "/api/v1/rollouts/" + KILLED + "/2.4.0/resume", "dave", """
                {"reason": "resume at 25 % after the kill-switch review"}""");
        awaitApplied(KILLED, "2.4.0", "live-25", 25);
    }

    @Test
    @Order(5)
    void aHotfixGoesLiveAtOnceWithFounderPlusOneApprovalAndItsPostMortemFallsDueIn24Hours() {
        // The policy lets only the founder or a release captain declare a hotfix: dave does.
        registerAs("dave", HOTFIX, "2.0.4-hotfix", "HOTFIX", "f1c5f05", null);
        checks(HOTFIX, "2.0.4-hotfix", "f1c5f05", "PASS", "lint", "unit-tests", "security-scan");
        approve("dave", HOTFIX, "2.0.4-hotfix", "founder");

        // The founder's lone sign-off is recorded at once (the live view is current) and the gate
        // still HOLDs: the expedited review lacks its second person.
        JsonNode founderAlone = awaitDecision(HOTFIX, "2.0.4-hotfix", v -> "HOLD".equals(outcome(v, "live-100"))
                && strings(stage(v, "live-100").path("missing")).equals(List.of("approval:expedited-review"))
                && criterion(stage(v, "live-100"), "expedited-review").path("observed").asString("")
                        .startsWith("1 of 2 approvers"));
        assertThat(strings(stage(founderAlone, "live-100").path("missing"))).containsExactly("approval:expedited-review");
        assertThat(awaitRollout(HOTFIX, "2.0.4-hotfix", r -> !r.isMissingNode()).path("nextStep").asString())
                .isEqualTo("waiting for GO on stage live-100");

        approve("carol", HOTFIX, "2.0.4-hotfix", "risk");
        JsonNode go = awaitDecision(HOTFIX, "2.0.4-hotfix", v -> "GO".equals(outcome(v, "live-100")));
        assertThat(criterion(stage(go, "live-100"), "expedited-review").path("reason").asString())
                .isEqualTo("approved by carol, dave");
        JsonNode live = awaitApplied(HOTFIX, "2.0.4-hotfix", "live-100", 100);
        Instant wentLive = Instant.parse(live.path("since").asString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                LedgerEvents.recorded(HOTFIX, RolloutStepStarted.class)).extracting(RolloutStepStarted::getStage)
                .containsExactly("live-100"));

        JsonNode postMortem = obligation(awaitTarget(HOTFIX, t -> t.path("obligations").size() == 2), "POST_MORTEM");
        Instant due = Instant.parse(postMortem.path("dueAt").asString());
        // The controller reads its clock once for the step and once for the obligation: within a second.
        assertThat(Duration.between(wentLive, due)).isBetween(Duration.ofHours(24), Duration.ofHours(24).plusSeconds(1));
        assertThat(postMortem.path("overdue").asBoolean()).isFalse();

        advancePast(due);
        JsonNode overdue = awaitTarget(HOTFIX, t -> obligation(t, "POST_MORTEM").path("overdue").asBoolean());
        assertThat(obligation(overdue, "PROPER_RELEASE").path("overdue").asBoolean()).isFalse();
        ObligationOverdue event = LedgerEvents.awaitRecorded(HOTFIX, ObligationOverdue.class, o -> true);
        assertThat(event.getObligation()).isEqualTo(ObligationKind.POST_MORTEM);
        assertThat(event.getVersion()).isEqualTo("2.0.4-hotfix");
    }

    @Test
    @Order(6)
    void aPassWithFixesAuditIsNoGoNamingOpenFixesUntilEveryFixIsVerifiedComplete() {
        register(FIXES, "2.1.0", "STRATEGY", "f12e501");
        checks(FIXES, "2.1.0", "f12e501", "PASS", "lint", "unit-tests", "anti-bias-tests", "security-scan");
        auditVerification(FIXES, "2.1.0", "f12e501", "PASS-WITH-FIXES", 1);
        approve("bob", FIXES, "2.1.0", "code-review");
        approve("bob", FIXES, "2.1.0", "auditor");
        metric(FIXES, "2.1.0", "walk_forward_consistency_pct", 68);

        // "All fixes complete: Verified" - one fix is still open, so the audit does not sign the release off.
        JsonNode open = awaitDecision(FIXES, "2.1.0", v -> "NO_GO".equals(outcome(v, "paper")));
        JsonNode audit = criterion(stage(open, "paper"), "audit-verification");
        assertThat(audit.path("status").asString()).isEqualTo("FAIL");
        assertThat(audit.path("reason").asString()).contains("openFixes is 1, must equal 0");
        assertThat(audit.path("observed").asString()).contains("verdict=PASS-WITH-FIXES, openFixes=1");
        assertThat(strings(audit.path("evidenceIds"))).hasSize(1);
        assertThat(rollout(awaitTarget(FIXES, t -> !rollout(t, "2.1.0").isMissingNode()), "2.1.0")
                .path("status").asString()).isEqualTo("PENDING");

        // The auditor verifies the last fix; the re-run reports no open fix and paper trading may start.
        auditVerification(FIXES, "2.1.0", "f12e501", "PASS-WITH-FIXES", 0);
        JsonNode verified = awaitDecision(FIXES, "2.1.0", v -> "GO".equals(outcome(v, "paper")));
        assertThat(criterion(stage(verified, "paper"), "audit-verification").path("observed").asString())
                .contains("openFixes=0");

        // The evidence bundle's sign-off checklist shows the verdict and open fixes the check reported.
        JsonNode bundle = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                WholeStack.get(StackService.AUDIT_LEDGER, "/api/v1/ledger/releases/" + WholeStack.encode(FIXES)
                        + "/2.1.0/evidence?format=json", "bob"), reply -> reply.status() == 200
                        && reply.json().toString().contains("openFixes=0")).json();
        assertThat(bundle.path("tradingChecklist").toString()).contains("verdict=PASS-WITH-FIXES");
    }

    @Test
    @Order(7)
    void theLedgerVerifiesAndReplaysEveryDecisionOfTheRunbook() {
        for (String target : List.of(GO, DIVERGING, ERRORS, KILLED, HOTFIX, FIXES)) {
            WholeStack.ledgerVerifiesAndReplaysEveryDecision(target);
        }
    }

    /** CI's pre-release checks, code review, the PASS audit and its walk-forward number: enough for paper. */
    private static void preReleaseChecksAndAuditSignOff(String target, String version, String revision) {
        checks(target, version, revision, "PASS", "lint", "unit-tests", "anti-bias-tests", "security-scan");
        auditVerification(target, version, revision, "PASS", 0);
        approve("bob", target, version, "code-review");
        approve("bob", target, version, "auditor");
        metric(target, version, "walk_forward_consistency_pct", 68);
    }

    /** scripts/verify_audit.py's result: the audit report's verdict and its open fixes (section 5) as details. */
    private static void auditVerification(String target, String version, String revision, String verdict,
                                          int openFixes) {
        Instant completed = now().minusSeconds(30);
        postOk(StackService.CHECK_INGEST, "/api/v1/checks", "ci", """
                {"target": "%s", "version": "%s", "name": "audit-verification", "status": "PASS", "revision": "%s",
                 "startedAt": "%s", "completedAt": "%s",
                 "details": {"verdict": "%s", "openFixes": %d, "report": "docs/audits/ict_qm_audit.md"}}"""
                .formatted(target, version, revision, completed.minusSeconds(60), completed, verdict, openFixes));
    }

    /** The paper reconciliation, the kill-switch test and the risk and founder sign-offs for going live. */
    private static void paperResultsAndProductionSignOffs(String target, String version, String revision,
                                                          double divergencePct) {
        metric(target, version, "paper_trades_total", 12);
        metric(target, version, "paper_backtest_divergence_pct", divergencePct);
        checks(target, version, revision, "PASS", "kill-switch-test");
        approve("carol", target, version, "risk");
        approve("dave", target, version, "founder");
    }

    /** A healthy strategy from registration to live-25, applied by the deployer. */
    private static void rampToLive25(String target, String version, String revision) {
        register(target, version, "STRATEGY", revision);
        preReleaseChecksAndAuditSignOff(target, version, revision);
        paperResultsAndProductionSignOffs(target, version, revision, 14);
        awaitDecision(target, version, v -> "GO".equals(outcome(v, "live-25")));
        JsonNode paper = awaitApplied(target, version, "paper", 0);
        advancePast(Instant.parse(paper.path("soakUntil").asString()));
        awaitApplied(target, version, "live-25", 25);
    }

    private static JsonNode obligation(JsonNode targetView, String kind) {
        for (JsonNode each : targetView.path("obligations")) {
            if (kind.equals(each.path("kind").asString())) {
                return each;
            }
        }
        return targetView.path("obligations").path(Integer.MAX_VALUE);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(each -> values.add(each.asString()));
        return values;
    }
}
