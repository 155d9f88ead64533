package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.GateSteps.alert;
import static dev.greenlight.cli.e2e.GateSteps.approve;
import static dev.greenlight.cli.e2e.GateSteps.awaitRollout;
import static dev.greenlight.cli.e2e.GateSteps.awaitStage;
import static dev.greenlight.cli.e2e.GateSteps.check;
import static dev.greenlight.cli.e2e.GateSteps.criteriaWith;
import static dev.greenlight.cli.e2e.GateSteps.criterion;
import static dev.greenlight.cli.e2e.GateSteps.deployerApplies;
import static dev.greenlight.cli.e2e.GateSteps.ledgerEntries;
import static dev.greenlight.cli.e2e.GateSteps.metrics;
import static dev.greenlight.cli.e2e.GateSteps.missing;
import static dev.greenlight.cli.e2e.GateSteps.onCallAck;
import static dev.greenlight.cli.e2e.GateSteps.register;
import static dev.greenlight.cli.e2e.GateSteps.report;
import static dev.greenlight.cli.e2e.GateSteps.rolloutOf;
import static dev.greenlight.cli.e2e.GateSteps.status;
import static dev.greenlight.cli.e2e.WholeStack.advance;
import static dev.greenlight.cli.e2e.WholeStack.encode;
import static dev.greenlight.cli.e2e.WholeStack.get;
import static dev.greenlight.cli.e2e.WholeStack.ledgerVerifiesAndReplaysEveryDecision;
import static dev.greenlight.cli.e2e.WholeStack.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The RL policy go/no-go playbook through the whole stack: 0 % influence (shadow) until two
 * consecutive 48 h validations have passed and every GO criterion holds, each NO-GO trigger
 * blocking with its reason, the ramp to 10 %, a page alert at T+30 min killing it (and failing the
 * T+120 checkpoint at once, with its post-mortem obligation), and the decision record an auditor
 * exports, checkpoint decisions included; every decision replays byte for byte. The stack clock is moved through the validation windows; nothing
 * depends on the calendar date, since the shared clock may already be anywhere.
 */
@ExtendWith(WholeStack.class)
@TestMethodOrder(OrderAnnotation.class)
class RlPolicyGoNoGoE2eTest {

    private static final String RAMP = "rl-policy-e2e-ramp";
    private static final String TRIGGERS = "rl-policy-e2e-triggers";
    private static final String VERSION = "4.0.0";
    private static final String REVISION = "4e2e0a11";
    private static final String SHADOW = "shadow";
    private static final String LIVE = "live-10";
    /** live-10's criteria in policies/rl-policy-go-nogo.yaml: the playbook's six GO groups and the human review. */
    private static final int LIVE_CRITERIA = 23; // the playbook's 22 GO criteria and no-prerelease
    private static final Duration VALIDATION_RUN = Duration.ofHours(48).plusMinutes(1);

    /** Sequence of the ramp's 10 % command: the kill switch must come after it. */
    private static long rampSequence;

    /** The playbook's healthy numbers (SLOs, policy health, cost), as the exporters push them. */
    private static Map<String, Double> healthyMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("error_budget_burn_pct", 12.0);
        metrics.put("heartbeat_freshness_pct", 99.7);
        metrics.put("exporter_uptime_pct", 99.95);
        metrics.put("validation_cadence_pct", 97.0);
        metrics.put("policy_entropy", 0.93);
        metrics.put("q_spread", 1.8);
        metrics.put("q_spread_baseline", 1.0);
        metrics.put("collapse_risk_level", 0.0);
        metrics.put("cost_change_wow_pct", 10.0);
        metrics.put("cost_change_from_baseline_pct", 5.0);
        return metrics;
    }

    /** Technical and operational readiness checks of this build, without validations and monitoring. */
    private static List<String> readinessChecks(String target) {
        List<String> checks = new ArrayList<>();
        for (String name : List.of("security-scan", "preflight-diff", "kill-switch-test", "ramp-guard",
                "ops-bot-commands", "runbooks-index", "rollback-drill", "training-stability")) {
            checks.add(check(target, VERSION, REVISION, name, "PASS"));
        }
        return checks;
    }

    private static String validation(String target, Instant startedAt, Instant completedAt) {
        return check(target, VERSION, REVISION, "validation-48h", "PASS", startedAt, completedAt);
    }

    private static String monitoring(String target) {
        return check(target, VERSION, REVISION, "monitoring-services", "PASS");
    }

    @Test
    @Order(1)
    void influenceStaysAtZeroUntilTwoConsecutive48hValidationsPassAndEveryGoCriterionHolds() {
        Instant firstValidationStart = now();
        register(RAMP, VERSION, "MODEL", REVISION);
        report(readinessChecks(RAMP));
        metrics(RAMP, healthyMetrics());
        approve("dave", RAMP, VERSION, "release-captain", "automated results reviewed");
        approve("erin", RAMP, VERSION, "tech-lead", "policy health approved");
        onCallAck(RAMP, now(), now().plus(Duration.ofDays(7)));

        // Shadow needs only the clean security scan: the policy runs at 0 % influence.
        awaitStage(RAMP, VERSION, SHADOW, "GO");
        assertThat(deployerApplies(RAMP, 1)).contains(RAMP + " " + VERSION).contains("0%");
        JsonNode shadow = rolloutOf(awaitRollout(RAMP, t -> t.path("unacknowledgedCommands").isEmpty()
                && !rolloutOf(t, VERSION).isMissingNode()), VERSION);
        assertThat(shadow.path("trafficPercent").asInt()).isZero();

        JsonNode noValidations = awaitStage(RAMP, VERSION, LIVE, "HOLD", d -> missing(d).size() == 2);
        assertThat(missing(noValidations)).containsExactlyInAnyOrder("check:validation-48h",
                "check:monitoring-operational");

        // The first 48 h validation passes; the monitor reports right after it (same partition, so
        // once the monitor counts, the validation has been seen too). One validation is not enough.
        advance(VALIDATION_RUN);
        Instant secondValidationStart = now();
        report(List.of(validation(RAMP, firstValidationStart, secondValidationStart), monitoring(RAMP)));
        JsonNode oneValidation = awaitStage(RAMP, VERSION, LIVE, "HOLD", d -> missing(d).size() == 1);
        assertThat(missing(oneValidation)).containsExactly("check:validation-48h");
        assertThat(criterion(oneValidation, "validation-48h").path("status").asString()).isEqualTo("PENDING");
        assertInfluence(RAMP, 0);

        // The second consecutive 48 h validation passes: every GO criterion holds.
        advance(VALIDATION_RUN);
        report(List.of(monitoring(RAMP), validation(RAMP, secondValidationStart, now())));
        JsonNode go = awaitStage(RAMP, VERSION, LIVE, "GO");
        assertThat(go.path("criteria")).hasSize(LIVE_CRITERIA);
        assertThat(go.path("criteria")).allSatisfy(c ->
                assertThat(c.path("status").asString()).as(c.toString()).isEqualTo("PASS"));
        assertThat(missing(go)).isEmpty();

        // make ramp-10: the controller commands 10 %, the deployer applies it, the 2 h soak starts.
        assertThat(deployerApplies(RAMP, 1)).contains(RAMP + " " + VERSION).contains("10%");
        JsonNode ramped = awaitRollout(RAMP, t -> t.path("unacknowledgedCommands").isEmpty()
                && LIVE.equals(rolloutOf(t, VERSION).path("stage").asString()));
        JsonNode live = rolloutOf(ramped, VERSION);
        assertThat(live.path("status").asString()).isEqualTo("STAGE_LIVE");
        assertThat(live.path("trafficPercent").asInt()).isEqualTo(10);
        assertThat(Duration.between(Instant.parse(live.path("since").asString()),
                Instant.parse(live.path("soakUntil").asString()))).isEqualTo(Duration.ofHours(2));
        assertThat(live.path("activeGuards").toString()).contains("page-alert");
        rampSequence = ramped.path("lastCommandSequence").asLong();
    }

    @Test
    @Order(2)
    void aPageAlertAtTPlus30MinutesTriggersTheKillSwitch() {
        assertThat(rampSequence).as("the ramp to 10 % happened").isPositive();
        advance(Duration.ofMinutes(30));
        Instant firedAt = now();
        alert(RAMP, "PolicyHeartbeatStale", "page", "e2e0rlpage0001", "firing", firedAt, null);

        JsonNode killed = awaitRollout(RAMP, t -> t.path("killSwitch").path("active").asBoolean()
                && "KILLED".equals(rolloutOf(t, VERSION).path("status").asString()));
        assertThat(rolloutOf(killed, VERSION).path("trafficPercent").asInt()).isZero();
        assertThat(killed.path("killSwitch").path("reason").asString()).isNotBlank();
        long killSequence = killed.path("lastCommandSequence").asLong();
        assertThat(killSequence).isGreaterThan(rampSequence);
        assertThat(killed.path("unacknowledgedCommands").toString()).contains(String.valueOf(killSequence));

        // The deployer receives the kill switch as a 0 % command for the version (make kill-switch).
        assertThat(deployerApplies(RAMP, 1)).contains("[" + killSequence + "] " + RAMP + " " + VERSION)
                .contains("0%");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ledgerEntries(RAMP, "KillSwitchActivated")).isPositive();
            assertThat(ledgerEntries(RAMP, "RollbackTriggered")).isPositive();
        });
        // The T+120 checkpoint ("any degradation -> kill switch and post-incident") failed when the
        // page fired, not two hours later: the controller owes a post-mortem for the version.
        JsonNode owed = awaitRollout(RAMP, t -> t.path("obligations").toString().contains("POST_MORTEM"));
        assertThat(owed.path("obligations").toString()).contains(VERSION);
        // The gate agrees: an active page alert is a NO-GO for live influence.
        JsonNode noGo = awaitStage(RAMP, VERSION, LIVE, "NO_GO");
        assertThat(criteriaWith(noGo, "FAIL")).contains("no-page-alerts-48h");

        // The incident ends; the record keeps the page within the 48 h window.
        alert(RAMP, "PolicyHeartbeatStale", "page", "e2e0rlpage0001", "resolved", firedAt, now());
    }

    @Test
    @Order(3)
    void everyNoGoTriggerOfThePlaybookBlocksWithItsReason() {
        register(TRIGGERS, VERSION, "MODEL", REVISION);
        Instant now = now();
        List<String> evidence = new ArrayList<>(readinessChecks(TRIGGERS));
        evidence.add(validation(TRIGGERS, now.minus(Duration.ofHours(110)), now.minus(Duration.ofHours(60))));
        evidence.add(validation(TRIGGERS, now.minus(Duration.ofHours(58)), now.minus(Duration.ofHours(10))));
        evidence.add(monitoring(TRIGGERS));
        report(evidence);
        metrics(TRIGGERS, healthyMetrics());

        // No on-call coverage during the deployment window.
        blockedBy("on-call-ack", "on-call");
        onCallAck(TRIGGERS, now(), now().plus(Duration.ofDays(2)));
        // Without the human review the release can at best be held, so it never ramps while probed.
        awaitHeldForHumanReviewOnly();

        // Error budget exhausted (>= 100 % burn).
        metrics(TRIGGERS, Map.of("error_budget_burn_pct", 100.0));
        blockedBy("error-budget-burn", "100");
        metrics(TRIGGERS, Map.of("error_budget_burn_pct", 12.0));
        awaitHeldForHumanReviewOnly();

        // Policy collapse risk HIGH.
        metrics(TRIGGERS, Map.of("collapse_risk_level", 2.0));
        blockedBy("collapse-risk", "2");
        metrics(TRIGGERS, Map.of("collapse_risk_level", 0.0));
        awaitHeldForHumanReviewOnly();

        // Kill switch non-functional in this build.
        report(check(TRIGGERS, VERSION, REVISION, "kill-switch-test", "FAIL"));
        blockedBy("kill-switch-tested", "FAIL");
        report(check(TRIGGERS, VERSION, REVISION, "kill-switch-test", "PASS"));
        awaitHeldForHumanReviewOnly();

        // Failed security scan (secrets detected): not even shadow may run.
        report(check(TRIGGERS, VERSION, REVISION, "security-scan", "FAIL"));
        blockedBy("security-scan", "FAIL");
        assertThat(status(awaitStage(TRIGGERS, VERSION, SHADOW, "NO_GO"), "security-scan")).isEqualTo("FAIL");
        report(check(TRIGGERS, VERSION, REVISION, "security-scan", "PASS"));
        awaitHeldForHumanReviewOnly();

        // Cost spike > 100 % week over week without explanation.
        metrics(TRIGGERS, Map.of("cost_change_wow_pct", 140.0));
        blockedBy("cost-spike", "140");
        metrics(TRIGGERS, Map.of("cost_change_wow_pct", 10.0));
        awaitHeldForHumanReviewOnly();

        // Active page alert (last: a page keeps counting for 48 h after it is resolved).
        alert(TRIGGERS, "PolicyHeartbeatStale", "page", "e2e0rltrig0001", "firing", now(), null);
        blockedBy("no-page-alerts-48h", "active");

        // Blocked throughout: influence never left 0 %.
        assertInfluence(TRIGGERS, 0);
    }

    /** live-10 is NO-GO with {@code criterion} as its only failing criterion, and says why. */
    private static void blockedBy(String criterion, String reasonMentions) {
        JsonNode noGo = awaitStage(TRIGGERS, VERSION, LIVE, "NO_GO",
                d -> criteriaWith(d, "FAIL").equals(List.of(criterion)));
        JsonNode failed = criterion(noGo, criterion);
        String explained = failed.path("reason").asString() + " " + failed.path("observed").asString();
        assertThat(explained).as(failed.toString()).contains(reasonMentions);
    }

    private static void awaitHeldForHumanReviewOnly() {
        JsonNode held = awaitStage(TRIGGERS, VERSION, LIVE, "HOLD",
                d -> criteriaWith(d, "FAIL").isEmpty() && missing(d).equals(List.of("approval:human-review")));
        assertThat(criteriaWith(held, "WARN")).isEmpty();
    }

    private static void assertInfluence(String target, int percent) {
        JsonNode rollouts = awaitRollout(target, t -> !rolloutOf(t, VERSION).isMissingNode());
        assertThat(rolloutOf(rollouts, VERSION).path("trafficPercent").asInt()).isEqualTo(percent);
        assertThat(rolloutOf(rollouts, VERSION).path("stage").asString()).isEqualTo(SHADOW);
    }

    @Test
    @Order(4)
    void theExportedDecisionRecordHoldsEveryFieldThePlaybookNames() {
        // "All Go/No-Go decisions are recorded with: timestamp and decision maker, all criteria status
        // (PASS/FAIL/WARN), justification for decision, next review date if NO-GO."
        JsonNode bundle = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                get(StackService.AUDIT_LEDGER, "/api/v1/ledger/releases/" + encode(RAMP) + "/" + VERSION
                        + "/evidence?format=json", "bob"), reply -> reply.status() == 200).json();
        assertThat(bundle.path("release").asString()).isEqualTo(RAMP + "@" + VERSION);

        JsonNode record = null;
        for (JsonNode each : bundle.path("decisions")) {
            if (LIVE.equals(each.path("stage").asString())) {
                record = each;
            }
        }
        assertThat(record).as("decision record of %s", LIVE).isNotNull();
        // The monitoring checkpoints are decisions on record too, beside the stage's gate record.
        JsonNode t120 = null;
        for (JsonNode each : bundle.path("decisions")) {
            if ((LIVE + " checkpoint t+120").equals(each.path("stage").asString())) {
                t120 = each;
            }
        }
        assertThat(t120).as("T+120 checkpoint record").isNotNull();
        assertThat(t120.path("outcome").asString()).isEqualTo("NO_GO");
        assertThat(t120.path("criteria").toString()).contains("no-page-alerts-since-ramp");
        // The latest live-10 decision: NO-GO after the page alert.
        assertThat(record.path("outcome").asString()).isEqualTo("NO_GO");
        Instant decidedAt = Instant.parse(record.path("time").asString());
        assertThat(decidedAt).isBeforeOrEqualTo(now());

        // The decision maker: the automatic gate, and the people whose sign-offs the decision rests on.
        List<String> makers = new ArrayList<>();
        record.path("decisionMakers").forEach(m -> makers.add(m.asString()));
        assertThat(makers).hasSize(3);
        assertThat(String.join("; ", makers)).contains("gate-evaluator").contains("dave (release-captain")
                .contains("erin (tech-lead");

        assertThat(record.path("criteria")).hasSize(LIVE_CRITERIA);
        assertThat(record.path("criteria")).allSatisfy(c -> {
            assertThat(c.path("name").asString()).isNotBlank();
            assertThat(c.path("status").asString()).isIn("PASS", "FAIL", "WARN", "PENDING", "WAIVED");
            assertThat(c.path("reason").asString()).isNotBlank();
        });
        Map<String, String> statuses = new LinkedHashMap<>();
        record.path("criteria").forEach(c -> statuses.put(c.path("name").asString(), c.path("status").asString()));
        assertThat(statuses).containsEntry("no-page-alerts-48h", "FAIL").containsEntry("validation-48h", "PASS");

        assertThat(record.path("justification")).isNotEmpty();
        assertThat(record.path("justification").toString()).contains("no-page-alerts-48h");

        // Next review date: present as a field; when the engine recorded one, it lies ahead.
        JsonNode nextReview = record.path("nextReview");
        assertThat(nextReview.has("at")).as(nextReview.toString()).isTrue();
        assertThat(nextReview.path("basis").asString()).isNotBlank();
        if (!nextReview.path("at").isNull()) {
            assertThat(Instant.parse(nextReview.path("at").asString())).isAfter(decidedAt);
        }

        assertThat(record.path("policy").asString()).startsWith("rl-policy-go-nogo");
        assertThat(record.path("decisionId").asString()).isNotBlank();
        assertThat(record.path("source").path("eventType").asString()).isEqualTo("GateDecided");
        assertThat(Set.of("GO", "NO_GO", "HOLD")).contains(record.path("history").get(0).path("outcome").asString());
    }

    @Test
    @Order(5)
    void theLedgerVerifiesAndReplaysEveryRlDecision() {
        ledgerVerifiesAndReplaysEveryDecision(RAMP);
        ledgerVerifiesAndReplaysEveryDecision(TRIGGERS);
    }
}
