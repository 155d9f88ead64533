package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.RunbookSteps.awaitDecision;
import static dev.greenlight.cli.e2e.RunbookSteps.checks;
import static dev.greenlight.cli.e2e.RunbookSteps.criterion;
import static dev.greenlight.cli.e2e.WholeStack.advance;
import static dev.greenlight.cli.e2e.WholeStack.call;
import static dev.greenlight.cli.e2e.WholeStack.ledgerVerifiesAndReplaysEveryDecision;
import static dev.greenlight.cli.e2e.WholeStack.now;
import static dev.greenlight.cli.e2e.WholeStack.outcome;
import static dev.greenlight.cli.e2e.WholeStack.post;
import static dev.greenlight.cli.e2e.WholeStack.postOk;
import static dev.greenlight.cli.e2e.WholeStack.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.WaiverRevoked;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The attacks on people's verdicts, through the public APIs of the whole stack (policy
 * {@code ops-release}: production needs platform, security and operations sign-offs from three
 * people, waivable by management): the release author's own REJECT blocks; a colleague's REJECT is
 * not lifted by somebody else's approval, only by the rejecter withdrawing it; a waiver with a
 * rationale lets the release through until it expires (simulated time) or is revoked, which is
 * recorded. Every decision on the way replays exactly from the ledger.
 */
@ExtendWith(WholeStack.class)
@TestMethodOrder(OrderAnnotation.class)
class RejectionsAndWaiversE2eTest {

    private static final String AUTHOR_REJECTS = "agent-orchestration-ops-e2e-self-reject";
    private static final String COLLEAGUE_REJECTS = "agent-orchestration-ops-e2e-colleague-reject";
    private static final String VERSION = "1.4.0";
    private static final String REVISION = "7e1ec7ed";
    private static final String PRODUCTION = "production";
    private static final String APPROVALS = "release-approvals";

    @BeforeAll
    static void startOnAWorkingDay() {
        // The ops policy freezes releases from 12-20 to 01-05; an earlier suite may have moved there.
        Instant now = now();
        MonthDay day = MonthDay.from(now.atZone(ZoneOffset.UTC));
        if (!day.isBefore(MonthDay.of(12, 20)) || !day.isAfter(MonthDay.of(1, 5))) {
            int year = now.atZone(ZoneOffset.UTC).getYear() + (now.atZone(ZoneOffset.UTC).getMonthValue() == 12 ? 1 : 0);
            advance(Duration.between(now, LocalDate.of(year, 1, 6).atTime(9, 0).toInstant(ZoneOffset.UTC)));
        }
    }

    @Test
    @Order(1)
    void theAuthorsOwnRejectionIsANoGoNamingThemAndWhen() {
        registerAndPassEveryCheck(AUTHOR_REJECTS, "carol");
        signOff("erin", AUTHOR_REJECTS, "platform", "APPROVE");
        signOff("bob", AUTHOR_REJECTS, "security", "APPROVE");
        signOff("carol", AUTHOR_REJECTS, "operations", "REJECT");

        JsonNode noGo = awaitApprovals(AUTHOR_REJECTS, "NO_GO", "FAIL");
        assertThat(criterion(stage(noGo, PRODUCTION), APPROVALS).path("reason").asString())
                .contains("carol (operations) rejected at");
    }

    @Test
    @Order(2)
    void aColleaguesRejectionIsNotLiftedBySomebodyElsesApprovalOnlyByItsAuthorWithdrawingIt() {
        registerAndPassEveryCheck(COLLEAGUE_REJECTS, "alice");
        signOff("erin", COLLEAGUE_REJECTS, "platform", "APPROVE");
        signOff("bob", COLLEAGUE_REJECTS, "security", "APPROVE");
        String rejection = signOff("erin", COLLEAGUE_REJECTS, "operations", "REJECT").path("approvalId").asString();
        awaitApprovals(COLLEAGUE_REJECTS, "NO_GO", "FAIL");

        // Carol fills the operations seat after erin's rejection: formerly the latest verdict in the role won.
        signOff("carol", COLLEAGUE_REJECTS, "operations", "APPROVE");
        WholeStack.Reply withdrawn = call("DELETE", StackService.APPROVAL, "/api/v1/approvals/" + rejection,
                "erin", null);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        String revocation = withdrawn.json().path("eventId").asString();

        JsonNode go = awaitApprovals(COLLEAGUE_REJECTS, "GO", "PASS");
        assertThat(criterion(stage(go, PRODUCTION), APPROVALS).path("reason").asString())
                .contains("approved by", "carol", "erin", "bob");
        // Carol's approval alone never opened the gate: every production GO on record already knew
        // erin's withdrawal (a revoked verdict is cited by its ApprovalRevoked).
        LedgerEvents.awaitRecorded(COLLEAGUE_REJECTS, GateDecided.class, d -> isProductionGo(d));
        assertThat(LedgerEvents.recorded(COLLEAGUE_REJECTS, GateDecided.class))
                .filteredOn(RejectionsAndWaiversE2eTest::isProductionGo).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getEvidenceIds()).contains(revocation));
    }

    private static boolean isProductionGo(GateDecided decided) {
        return decided.getStage().equals(PRODUCTION) && decided.getOutcome() == GateOutcome.GO;
    }

    @Test
    @Order(3)
    void aWaiverWithRationaleLetsARejectedReleaseThroughUntilItExpiresOrIsRevoked() {
        signOff("erin", COLLEAGUE_REJECTS, "operations", "REJECT");
        awaitApprovals(COLLEAGUE_REJECTS, "NO_GO", "FAIL");

        Instant expiresAt = now().plus(Duration.ofHours(2));
        waive(COLLEAGUE_REJECTS, ", \"expiresAt\": \"" + expiresAt + "\"");
        JsonNode waived = awaitApprovals(COLLEAGUE_REJECTS, "GO", "WAIVED");
        assertThat(criterion(stage(waived, PRODUCTION), APPROVALS).path("reason").asString())
                .contains("waived by frank (management): operations accepts the config change");

        advance(Duration.ofHours(2).plusMinutes(1));
        awaitApprovals(COLLEAGUE_REJECTS, "NO_GO", "FAIL");

        String waiverId = waive(COLLEAGUE_REJECTS, "").path("waiverId").asString();
        awaitApprovals(COLLEAGUE_REJECTS, "GO", "WAIVED");
        WholeStack.Reply byCi = call("DELETE", StackService.APPROVAL, "/api/v1/waivers/" + waiverId, "ci", null);
        assertThat(byCi.status()).as(byCi.body()).isEqualTo(403);
        WholeStack.Reply revoked = call("DELETE", StackService.APPROVAL,
                "/api/v1/waivers/" + waiverId + "?reason=rejection+must+be+resolved", "frank", null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        awaitApprovals(COLLEAGUE_REJECTS, "NO_GO", "FAIL");
        WaiverRevoked recorded = LedgerEvents.awaitRecorded(COLLEAGUE_REJECTS, WaiverRevoked.class,
                w -> w.getWaiverId().equals(waiverId));
        assertThat(recorded.getRevokedBy()).isEqualTo("frank");
        assertThat(recorded.getReason()).isEqualTo("rejection must be resolved");
    }

    @Test
    @Order(4)
    void everyDecisionOnTheWayReplaysExactlyFromTheLedger() {
        ledgerVerifiesAndReplaysEveryDecision(AUTHOR_REJECTS);
        ledgerVerifiesAndReplaysEveryDecision(COLLEAGUE_REJECTS);
    }

    /** A CONFIG minor release authored by {@code author}, every production check green. */
    private static void registerAndPassEveryCheck(String target, String author) {
        postOk(StackService.CHECK_INGEST, "/api/v1/releases", "ci", """
                {"target": "%s", "version": "%s", "type": "CONFIG", "revision": "%s", "author": "%s",
                 "previousVersion": "1.3.0"}""".formatted(target, VERSION, REVISION, author));
        checks(target, VERSION, REVISION, "PASS", "readiness:agents", "alerts:validate", "runbooks:index",
                "security-scan", "changelog", "operational-validation", "tabletop-drill");
    }

    private static JsonNode signOff(String user, String target, String role, String verdict) {
        return postOnceKnown(user, "/api/v1/approvals", """
                {"target": "%s", "version": "%s", "role": "%s", "verdict": "%s"}"""
                .formatted(target, VERSION, role, verdict));
    }

    /** frank (management) waives the approvals criterion; {@code extra} adds JSON fields. */
    private static JsonNode waive(String target, String extra) {
        return postOnceKnown("frank", "/api/v1/waivers", """
                {"target": "%s", "version": "%s", "criterion": "%s", "role": "management",
                 "rationale": "operations accepts the config change"%s}"""
                .formatted(target, VERSION, APPROVALS, extra));
    }

    /** Right after registration the approval service may not know the release yet; a person would retry. */
    private static JsonNode postOnceKnown(String user, String path, String body) {
        JsonNode[] answer = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            WholeStack.Reply reply = post(StackService.APPROVAL, path, user, body);
            assertThat(reply.status()).as("POST %s -> %s", path, reply.body()).isBetween(200, 299);
            answer[0] = reply.json();
        });
        return answer[0];
    }

    private static JsonNode awaitApprovals(String target, String outcome, String status) {
        return awaitDecision(target, VERSION, v -> outcome.equals(outcome(v, PRODUCTION))
                && status.equals(criterion(stage(v, PRODUCTION), APPROVALS).path("status").asString()));
    }
}
