package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.GateSteps.approve;
import static dev.greenlight.cli.e2e.GateSteps.awaitRollout;
import static dev.greenlight.cli.e2e.GateSteps.awaitStage;
import static dev.greenlight.cli.e2e.GateSteps.check;
import static dev.greenlight.cli.e2e.GateSteps.criteriaWith;
import static dev.greenlight.cli.e2e.GateSteps.criterion;
import static dev.greenlight.cli.e2e.GateSteps.missing;
import static dev.greenlight.cli.e2e.GateSteps.register;
import static dev.greenlight.cli.e2e.GateSteps.report;
import static dev.greenlight.cli.e2e.GateSteps.rolloutOf;
import static dev.greenlight.cli.e2e.GateSteps.shippedPolicy;
import static dev.greenlight.cli.e2e.GateSteps.status;
import static dev.greenlight.cli.e2e.GateSteps.waive;
import static dev.greenlight.cli.e2e.GateSteps.whatIf;
import static dev.greenlight.cli.e2e.GateSteps.withDetails;
import static dev.greenlight.cli.e2e.WholeStack.encode;
import static dev.greenlight.cli.e2e.WholeStack.get;
import static dev.greenlight.cli.e2e.WholeStack.ledgerVerifiesAndReplaysEveryDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The Gate5 release validation playbook through the whole stack: the entry criteria hold a release
 * until its dependencies are closed or waived by the release captain, a red client lane is a NO-GO
 * naming the lane, and the replay gate tells a stricter candidate policy (blocked, with reasons)
 * from the shipped one (passes) on the recorded history. Each scenario has its own target; nothing
 * depends on the calendar date, since the shared stack clock may already be anywhere.
 */
@ExtendWith(WholeStack.class)
@TestMethodOrder(OrderAnnotation.class)
class Gate5ReleaseValidationE2eTest {

    private static final String POLICY_FILE = "gate5-release-validation.yaml";
    private static final String ENTRY = "trade-nexus-e2e-entry";
    private static final String LANES = "trade-nexus-e2e-lanes";
    private static final String REPLAY = "trade-nexus-e2e-replay";
    /** release_gate_check's replay JSON for a candidate that passes: recorded as the check's details. */
    private static final String REPLAY_PASSES = """
            {"id": "rg-5.1.0-1", "decision": "pass", "mergeBlocked": false, "releaseBlocked": false,
             "mergeGateStatus": "pass", "releaseGateStatus": "pass", "baselineDecision": "GO",
             "candidateDecision": "GO", "reasons": []}""";
    private static final String VERSION = "5.1.0";
    private static final String REVISION = "9a5e2e0c1";
    private static final String VALIDATION = "validation";

    /** Everything the validation stage asks of the machines, except the entry dependencies. */
    private static List<String> governanceAndLanes(String target, String webLane) {
        List<String> checks = new ArrayList<>();
        for (String name : List.of("contract-governance", "review-governance", "docs-governance",
                "llm-package-governance", "deployment-profile-singular", "reliability-closure",
                "lane:cli", "lane:openclaw", "lane:agent-runtime")) {
            checks.add(check(target, VERSION, REVISION, name, "PASS"));
        }
        checks.add(withDetails(check(target, VERSION, REVISION, "replay-gate", "PASS"), REPLAY_PASSES));
        checks.add(check(target, VERSION, REVISION, "lane:web", webLane));
        return checks;
    }

    private static List<String> dependencies(String target, String... closed) {
        List<String> checks = new ArrayList<>();
        for (String item : closed) {
            checks.add(check(target, VERSION, REVISION, "dependency:" + item, "PASS"));
        }
        return checks;
    }

    @Test
    @Order(1)
    void unmetEntryCriteriaHoldTheReleaseNamingThemUntilTheOpenOneIsWaivedWithRationaleAndApprover() {
        register(ENTRY, VERSION, "STRATEGY", REVISION);
        List<String> evidence = new ArrayList<>(governanceAndLanes(ENTRY, "PASS"));
        evidence.addAll(dependencies(ENTRY, "#44"));
        // #80 is still open: its tracker reports it as not closed.
        evidence.add(check(ENTRY, VERSION, REVISION, "dependency:#80", "FAIL"));
        report(evidence);
        approve("dave", ENTRY, VERSION, "release-captain", "sign-off on #150");

        JsonNode held = awaitStage(ENTRY, VERSION, VALIDATION, "HOLD",
                d -> missing(d).size() == 3 && "PASS".equals(status(d, "signoff")));
        assertThat(held.path("policy").path("name").asString()).isEqualTo("gate5-release-validation");
        assertThat(missing(held)).containsExactlyInAnyOrder("dependency:slo-alert-baseline",
                "dependency:deployment-profile-reconciled", "dependency:readiness-dependency");
        assertThat(criteriaWith(held, "PENDING")).containsExactlyInAnyOrder("slo-alert-baseline",
                "deployment-profile-reconciled", "readiness-dependency");
        assertThat(criteriaWith(held, "FAIL")).isEmpty();
        assertThat(rolloutOf(awaitRollout(ENTRY, t -> !rolloutOf(t, VERSION).isMissingNode()), VERSION)
                .path("status").asString()).isEqualTo("PENDING");

        // #45 and #75 merge; #80 stays open, and the gate now names only it.
        report(dependencies(ENTRY, "#45", "#75"));
        JsonNode stillHeld = awaitStage(ENTRY, VERSION, VALIDATION, "HOLD", d -> missing(d).size() == 1);
        assertThat(missing(stillHeld)).containsExactly("dependency:readiness-dependency");
        assertThat(criterion(stillHeld, "readiness-dependency").path("reason").asString()).contains("#80");

        // The release captain waives #80 with the rationale and approver reference recorded on #150.
        String rationale = "#80 pre-release readiness accepted as a known risk; approver reference on #150";
        waive("dave", "release-captain", ENTRY, VERSION, "readiness-dependency", rationale);

        JsonNode go = awaitStage(ENTRY, VERSION, VALIDATION, "GO");
        JsonNode waived = criterion(go, "readiness-dependency");
        assertThat(waived.path("status").asString()).isEqualTo("WAIVED");
        assertThat(waived.path("reason").asString()).contains("dave").contains("release-captain").contains(rationale);
        assertThat(missing(go)).isEmpty();

        // It proceeds: the rollout enters the validation stage (0 % traffic).
        JsonNode rollout = rolloutOf(awaitRollout(ENTRY, t -> VALIDATION.equals(rolloutOf(t, VERSION)
                .path("stage").asString()) && "STAGE_LIVE".equals(rolloutOf(t, VERSION).path("status").asString())),
                VERSION);
        assertThat(rollout.path("trafficPercent").asInt()).isZero();
    }

    @Test
    @Order(2)
    void aFailingClientLaneIsNoGoNamingTheLaneUntilItIsFixedAndRerun() {
        register(LANES, VERSION, "STRATEGY", REVISION);
        List<String> evidence = new ArrayList<>(governanceAndLanes(LANES, "FAIL"));
        evidence.addAll(dependencies(LANES, "#44", "#45", "#75", "#80"));
        report(evidence);
        approve("dave", LANES, VERSION, "release-captain", "sign-off on #150");

        JsonNode noGo = awaitStage(LANES, VERSION, VALIDATION, "NO_GO", d -> "PASS".equals(status(d, "signoff")));
        assertThat(criteriaWith(noGo, "FAIL")).containsExactly("lane:web");
        assertThat(criteriaWith(noGo, "PENDING")).isEmpty();
        assertThat(criterion(noGo, "lane:web").path("reason").asString()).contains("lane:web is FAIL");
        // Contained: nothing was promoted.
        assertThat(rolloutOf(awaitRollout(LANES, t -> !rolloutOf(t, VERSION).isMissingNode()), VERSION)
                .path("status").asString()).isEqualTo("PENDING");

        // Scenario C recovery: the SDK drift is fixed and the web lane re-run passes.
        report(check(LANES, VERSION, REVISION, "lane:web", "PASS"));
        JsonNode go = awaitStage(LANES, VERSION, VALIDATION, "GO");
        assertThat(status(go, "lane:web")).isEqualTo("PASS");
    }

    @Test
    @Order(3)
    void theReplayGateBlocksAStricterCandidateWithReasonsAndPassesTheShippedBaseline() {
        String baseline = shippedPolicy(POLICY_FILE);
        // The candidate: a client lane that failed within a week blocks even after a green re-run.
        String lane = "{name: \"lane:web\", kind: check,";
        assertThat(baseline).contains(lane);
        String candidate = baseline.replace(lane, lane + " noFailWithin: 7d,").replace("version: \"1\"",
                "version: \"2-candidate\"");

        // The recorded history must hold the lane's GO before the gate can be asked about it.
        JsonNode shipped = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> whatIf(baseline, LANES), report -> report.path("results").toString().contains("\"GO\""));
        assertThat(shipped.path("blocked").asBoolean()).as(shipped.toString()).isFalse();
        assertThat(shipped.path("flipped").asInt()).as(shipped.toString()).isZero();

        JsonNode blocked = whatIf(candidate, LANES);
        assertThat(blocked.path("blocked").asBoolean()).as(blocked.toString()).isTrue();
        assertThat(blocked.path("candidate").asString()).isEqualTo("gate5-release-validation 2-candidate");
        List<JsonNode> stopped = new ArrayList<>();
        blocked.path("results").forEach(result -> {
            if ("GO".equals(result.path("baseline").asString()) && "NO_GO".equals(result.path("candidate").asString())) {
                stopped.add(result);
            }
        });
        assertThat(stopped).isNotEmpty();
        assertThat(stopped).allSatisfy(result -> {
            assertThat(result.path("release").asString()).isEqualTo(LANES + "@" + VERSION);
            assertThat(result.path("stage").asString()).isEqualTo(VALIDATION);
            assertThat(result.path("reasons").toString()).contains("lane:web: FAIL");
        });
    }

    @Test
    @Order(4)
    void aBlockedReplayGateIsNoGoNamingTheBlockedFieldsWhichTheEvidenceBundleShows() {
        register(REPLAY, VERSION, "STRATEGY", REVISION);
        List<String> evidence = new ArrayList<>(governanceAndLanes(REPLAY, "PASS"));
        evidence.addAll(dependencies(REPLAY, "#44", "#45", "#75", "#80"));
        report(evidence);
        approve("dave", REPLAY, VERSION, "release-captain", "sign-off on #150");
        awaitStage(REPLAY, VERSION, VALIDATION, "GO");

        // Scenario D: the governance run's replay preflight says the candidate is blocked for release.
        report(withDetails(check(REPLAY, VERSION, REVISION, "replay-gate", "PASS"), """
                {"id": "rg-5.1.0-2", "decision": "blocked", "mergeBlocked": false, "releaseBlocked": true,
                 "mergeGateStatus": "pass", "releaseGateStatus": "blocked", "baselineDecision": "GO",
                 "candidateDecision": "NO_GO", "reasons": ["candidate profile EXPERT changes 3 recorded GO decisions"]}"""));
        JsonNode blocked = awaitStage(REPLAY, VERSION, VALIDATION, "NO_GO");
        assertThat(criteriaWith(blocked, "FAIL")).containsExactly("replay-gate");
        JsonNode replay = criterion(blocked, "replay-gate");
        assertThat(replay.path("reason").asString()).contains("releaseBlocked is true, must equal false")
                .contains("releaseGateStatus is blocked, must not equal blocked");
        assertThat(replay.path("observed").asString()).contains("id=rg-5.1.0-2").contains("releaseBlocked=true");

        // The evidence bundle records the replay JSON fields as they were reported, not squeezed into a summary.
        JsonNode bundle = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                get(StackService.AUDIT_LEDGER, "/api/v1/ledger/releases/" + encode(REPLAY) + "/" + VERSION
                        + "/evidence?format=json", "bob"), reply -> reply.status() == 200 && "rg-5.1.0-2".equals(
                        reply.json().path("gate5").path("replayGate").path("details").path("id").asString(null))).json();
        JsonNode details = bundle.path("gate5").path("replayGate").path("details");
        assertThat(details.path("releaseBlocked").asBoolean()).isTrue();
        assertThat(details.path("mergeBlocked").isBoolean()).isTrue();
        assertThat(details.path("decision").asString()).isEqualTo("blocked");
        assertThat(details.path("reasons").get(0).asString()).contains("EXPERT");

        // Recover: the drift is remediated and the post-fix rerun passes.
        report(withDetails(check(REPLAY, VERSION, REVISION, "replay-gate", "PASS"), REPLAY_PASSES.replace("-1\"", "-3\"")));
        assertThat(status(awaitStage(REPLAY, VERSION, VALIDATION, "GO"), "replay-gate")).isEqualTo("PASS");
    }

    @Test
    @Order(5)
    void theLedgerVerifiesAndReplaysEveryGate5Decision() {
        ledgerVerifiesAndReplaysEveryDecision(ENTRY);
        ledgerVerifiesAndReplaysEveryDecision(LANES);
        ledgerVerifiesAndReplaysEveryDecision(REPLAY);
    }
}
