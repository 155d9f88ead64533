package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.RunbookSteps.approve;
import static dev.greenlight.cli.e2e.RunbookSteps.awaitApplied;
import static dev.greenlight.cli.e2e.RunbookSteps.awaitDecision;
import static dev.greenlight.cli.e2e.RunbookSteps.awaitRollout;
import static dev.greenlight.cli.e2e.RunbookSteps.awaitTarget;
import static dev.greenlight.cli.e2e.RunbookSteps.checks;
import static dev.greenlight.cli.e2e.RunbookSteps.criterion;
import static dev.greenlight.cli.e2e.RunbookSteps.register;
import static dev.greenlight.cli.e2e.RunbookSteps.registerAs;
import static dev.greenlight.cli.e2e.WholeStack.advance;
import static dev.greenlight.cli.e2e.WholeStack.encode;
import static dev.greenlight.cli.e2e.WholeStack.get;
import static dev.greenlight.cli.e2e.WholeStack.now;
import static dev.greenlight.cli.e2e.WholeStack.outcome;
import static dev.greenlight.cli.e2e.WholeStack.post;
import static dev.greenlight.cli.e2e.WholeStack.postOk;
import static dev.greenlight.cli.e2e.WholeStack.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
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
 * The operations release management guide through the whole stack (policy {@code ops-release},
 * targets {@code agent-orchestration-ops*}): pre-releases stop before production, MAJOR releases
 * wait for management, the holiday blackout freezes releases but not emergency hotfixes, and the
 * ledger's release metrics count what happened.
 *
 * <p>Time only moves forward for the whole test run, so the blackout scenario comes last and
 * moves the clock into the blackout itself; the suite first leaves a blackout an earlier suite
 * may have moved the clock into, so the other scenarios run on ordinary working days.
 */
@ExtendWith(WholeStack.class)
@TestMethodOrder(OrderAnnotation.class)
class OperationsReleaseGuideE2eTest {

    private static final String BETA = "agent-orchestration-ops-e2e-beta";
    private static final String MAJOR = "agent-orchestration-ops-e2e-major";
    private static final String HOLIDAYS = "agent-orchestration-ops-e2e-holidays";

    private static final MonthDay BLACKOUT_FROM = MonthDay.of(12, 20);
    private static final MonthDay BLACKOUT_TO = MonthDay.of(1, 5);

    private static ReferenceDeployer deployer;

    @BeforeAll
    static void startOnAWorkingDayWithADeployer() {
        Instant now = now();
        if (inHolidayBlackout(now)) {
            int year = now.atZone(ZoneOffset.UTC).getYear() + (now.atZone(ZoneOffset.UTC).getMonthValue() == 12 ? 1 : 0);
            advance(Duration.between(now, LocalDate.of(year, 1, 6).atTime(9, 0).toInstant(ZoneOffset.UTC)));
        }
        deployer = ReferenceDeployer.following(BETA, MAJOR, HOLIDAYS);
    }

    @AfterAll
    static void stopTheDeployer() throws InterruptedException {
        if (deployer != null) {
            deployer.close();
        }
    }

    @Test
    @Order(1)
    void aBetaPreReleaseMayBeStagedButIsStoppedBeforeProductionByTheVersionRule() {
        register(BETA, "1.3.0-beta.1", "CONFIG", "0be7a01");
        everyCheckPasses(BETA, "1.3.0-beta.1", "0be7a01");
        releaseApprovals(BETA, "1.3.0-beta.1");
        // Management signs too, so that the version rule is the only thing left to stop it.
        approve("frank", BETA, "1.3.0-beta.1", "management");

        JsonNode view = awaitDecision(BETA, "1.3.0-beta.1", v -> "NO_GO".equals(outcome(v, "production"))
                && "PASS".equals(criterion(stage(v, "production"), "release-approvals").path("status").asString())
                && "PASS".equals(criterion(stage(v, "production"), "major-needs-management").path("status").asString()));
        assertThat(outcome(view, "staging")).isEqualTo("GO");
        assertThat(stage(view, "production").path("criteria"))
                .filteredOn(c -> !"PASS".equals(c.path("status").asString()))
                .extracting(c -> c.path("name").asString()).containsExactly("no-prerelease-in-production");
        assertThat(criterion(stage(view, "production"), "no-prerelease-in-production").path("reason").asString())
                .isEqualTo("pre-release 1.3.0-beta.1 may not enter this stage");

        JsonNode held = awaitRollout(BETA, "1.3.0-beta.1", r -> "PENDING".equals(r.path("status").asString()));
        assertThat(held.path("trafficPercent").asInt()).isZero();
        assertThat(held.path("nextStep").asString()).isEqualTo("waiting for GO on stage production");
        WholeStack.Reply promote = post(StackService.ROLLOUT_CONTROLLER,
                "/api/v1/rollouts/" + BETA + "/1.3.0-beta.1/promote", "erin", """
                        {"reason": "the beta looked fine in staging"}""");
        assertThat(promote.status()).as(promote.body()).isEqualTo(403);
        assertThat(awaitTarget(BETA, t -> true).path("lastCommandSequence").asLong()).isZero();
    }

    @Test
    @Order(2)
    void aMajorReleaseIsHeldUntilManagementApprovesAndThenGoesToProduction() {
        register(MAJOR, "2.0.0", "CONFIG", "2a0b0c0");
        everyCheckPasses(MAJOR, "2.0.0", "2a0b0c0");
        releaseApprovals(MAJOR, "2.0.0");

        JsonNode held = awaitDecision(MAJOR, "2.0.0", v -> "HOLD".equals(outcome(v, "production"))
                && "PASS".equals(criterion(stage(v, "production"), "release-approvals").path("status").asString()));
        assertThat(strings(stage(held, "production").path("missing"))).containsExactly("version:major-needs-management");
        assertThat(criterion(stage(held, "production"), "major-needs-management").path("reason").asString())
                .contains("needs an approval by management");
        assertThat(awaitRollout(MAJOR, "2.0.0", r -> !r.isMissingNode()).path("status").asString()).isEqualTo("PENDING");

        approve("frank", MAJOR, "2.0.0", "management");

        JsonNode go = awaitDecision(MAJOR, "2.0.0", v -> "GO".equals(outcome(v, "production")));
        assertThat(criterion(stage(go, "production"), "major-needs-management").path("reason").asString())
                .contains("approved by frank (management)");
        JsonNode live = awaitApplied(MAJOR, "2.0.0", "production", 100);
        assertThat(live.path("nextStep").asString()).startsWith("soaking");

        // Post-release monitoring: a page during the first day in production is an emergency
        // rollback (the post-release-incident guard), and counts against 2.0.0 in the metrics.
        postOk(StackService.CHECK_INGEST, "/webhooks/alertmanager", "alertmanager", """
                {"version": "4", "status": "firing", "receiver": "greenlight", "groupKey": "{}", "alerts": [
                  {"status": "firing", "labels": {"alertname": "RunbookIndexStale", "service": "%s", "severity": "page"},
                   "annotations": {"summary": "runbook index out of date after 2.0.0"}, "startsAt": "%s",
                   "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "0b5e2e0000000001"}]}"""
                .formatted(MAJOR, now()));
        JsonNode rolledBack = awaitRollout(MAJOR, "2.0.0", r -> "ROLLED_BACK".equals(r.path("status").asString("")));
        assertThat(rolledBack.path("trafficPercent").asInt()).isZero();
        JsonNode stable = awaitTarget(MAJOR, t -> true).path("stableVersion");
        assertThat(stable.isNull() || stable.isMissingNode()).as("no stable version after the rollback: " + stable)
                .isTrue();
    }

    @Test
    @Order(3)
    void duringTheDecemberBlackoutAReleaseWaitsButAnEmergencyHotfixShips() {
        if (!inHolidayBlackout(now())) {
            int year = now().atZone(ZoneOffset.UTC).getYear();
            advance(Duration.between(now(), LocalDate.of(year, 12, 21).atTime(10, 0).toInstant(ZoneOffset.UTC)));
        }

        register(HOLIDAYS, "1.4.0", "CONFIG", "401da70");
        everyCheckPasses(HOLIDAYS, "1.4.0", "401da70");
        releaseApprovals(HOLIDAYS, "1.4.0");
        JsonNode frozen = awaitDecision(HOLIDAYS, "1.4.0", v -> "HOLD".equals(outcome(v, "production"))
                && "PASS".equals(criterion(stage(v, "production"), "release-approvals").path("status").asString()));
        JsonNode blackout = criterion(stage(frozen, "production"), "holiday-blackout");
        assertThat(blackout.path("status").asString()).isEqualTo("PENDING");
        assertThat(blackout.path("reason").asString()).startsWith("in blackout");
        assertThat(strings(stage(frozen, "production").path("missing"))).contains("window:holiday-blackout");
        WholeStack.Reply promote = post(StackService.ROLLOUT_CONTROLLER,
                "/api/v1/rollouts/" + HOLIDAYS + "/1.4.0/promote", "erin", """
                        {"reason": "ship before the holidays end"}""");
        assertThat(promote.status()).as(promote.body()).isEqualTo(403);

        // The emergency: a hotfix with the fast-tracked security and technical review.
        // Declared by the release captain: the policy refuses an emergency release from a CI token.
        registerAs("dave", HOLIDAYS, "1.3.1-hotfix.1", "HOTFIX", "401df1c", "1.3.0");
        everyCheckPasses(HOLIDAYS, "1.3.1-hotfix.1", "401df1c");
        approve("erin", HOLIDAYS, "1.3.1-hotfix.1", "platform");
        approve("bob", HOLIDAYS, "1.3.1-hotfix.1", "security");
        JsonNode hotfix = awaitDecision(HOLIDAYS, "1.3.1-hotfix.1", v -> "PASS".equals(
                criterion(stage(v, "production"), "expedited-review").path("status").asString()));
        assertThat(criterion(stage(hotfix, "production"), "holiday-blackout").path("status").asString()).isEqualTo("PASS");
        assertThat(criterion(stage(hotfix, "production"), "holiday-blackout").path("reason").asString())
                .contains("does not apply to HOTFIX releases");
        // The pipeline says the hotfix replaces 1.3.0: a PATCH, so no management sign-off is needed.
        JsonNode shipped = awaitDecision(HOLIDAYS, "1.3.1-hotfix.1", v -> "GO".equals(outcome(v, "production")));
        assertThat(criterion(stage(shipped, "production"), "major-needs-management").path("reason").asString())
                .isEqualTo("1.3.0 -> 1.3.1-hotfix.1 is not a MAJOR bump");
        awaitApplied(HOLIDAYS, "1.3.1-hotfix.1", "production", 100);
        advance(Duration.ofHours(25)); // a quiet first day in production: the hotfix is stable

        JsonNode target = awaitTarget(HOLIDAYS, t -> "1.3.1-hotfix.1".equals(t.path("stableVersion").asString()));
        assertThat(RunbookSteps.rollout(target, "1.4.0").path("status").asString()).isEqualTo("PENDING");
        assertThat(RunbookSteps.rollout(target, "1.4.0").path("trafficPercent").asInt()).isZero();
    }

    @Test
    @Order(4)
    void theLedgerVerifiesAndReplaysEveryDecisionOfTheGuide() {
        for (String target : List.of(BETA, MAJOR, HOLIDAYS)) {
            WholeStack.ledgerVerifiesAndReplaysEveryDecision(target);
        }
    }

    @Test
    @Order(5)
    void releaseMetricsFromTheLedgerReflectTheRuns() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode beta = metrics(BETA);
            assertThat(beta.path("releases").path("registered").asLong()).isEqualTo(1);
            assertThat(beta.path("releases").path("live").asLong()).isZero();
            assertThat(beta.path("leadTime").path("count").asLong()).isZero();

            JsonNode major = metrics(MAJOR);
            assertThat(major.path("releases").path("registered").asLong()).isEqualTo(1);
            assertThat(major.path("releases").path("live").asLong()).isEqualTo(1);
            assertThat(major.path("leadTime").path("releases").get(0).path("version").asString()).isEqualTo("2.0.0");
            assertThat(major.path("leadTime").path("releases").get(0).path("leadTimeSeconds").asLong()).isNotNegative();
            assertThat(major.path("rollbacks").path("total").asLong()).isEqualTo(1);
            assertThat(major.path("rollbacks").toString()).contains("post-release-incident");
            assertThat(major.path("incidents").path("total").asLong()).isEqualTo(1);
            assertThat(major.path("incidents").path("items").get(0).path("version").asString()).isEqualTo("2.0.0");

            JsonNode holidays = metrics(HOLIDAYS);
            assertThat(holidays.path("releases").path("registered").asLong()).isEqualTo(2);
            assertThat(holidays.path("releases").path("live").asLong()).isEqualTo(1);
            assertThat(holidays.path("leadTime").path("releases").get(0).path("version").asString())
                    .isEqualTo("1.3.1-hotfix.1");
            assertThat(holidays.path("incidents").path("total").asLong()).isZero();
        });
    }

    private static JsonNode metrics(String target) {
        WholeStack.Reply reply = get(StackService.AUDIT_LEDGER, "/api/v1/ledger/metrics?target=" + encode(target), "bob");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** CI's pre-release checklist, release testing on staging and the drill, all green. */
    private static void everyCheckPasses(String target, String version, String revision) {
        checks(target, version, revision, "PASS", "readiness:agents", "alerts:validate", "runbooks:index",
                "security-scan", "changelog", "operational-validation", "tabletop-drill");
    }

    /** Technical review by platform, security review, operations sign-off: three people. */
    private static void releaseApprovals(String target, String version) {
        approve("erin", target, version, "platform");
        approve("bob", target, version, "security");
        approve("carol", target, version, "operations");
    }

    private static boolean inHolidayBlackout(Instant at) {
        MonthDay day = MonthDay.from(at.atZone(ZoneOffset.UTC));
        return !day.isBefore(BLACKOUT_FROM) || !day.isAfter(BLACKOUT_TO);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(each -> values.add(each.asString()));
        return values;
    }
}
