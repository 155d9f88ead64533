package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.ApprovalRevoked;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.OnCallAcknowledged;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.events.WaiverRevoked;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.releases.ReleaseDirectory;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import dev.greenlight.approval.ApiFixture.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The approval API against a real broker, one Spring context for all: what each endpoint answers
 * and, above all, what lands on the topics — exactly the expected event for an accepted action,
 * and for a refused one a 403 together with an {@code ActionRefused} naming who tried what.
 * Every test uses its own target so they can share the topics. Also the service's basics: health,
 * Prometheus metrics and the catalogue's topics created at startup.
 */
@TestPropertySource(properties = "greenlight.security.aliases.bob=bob@example.com")
class ApprovalApiIT extends ApprovalServiceTestBase {

    static final String REVISION = "5114f85c0ffee";

    @Autowired
    EventPublisher publisher;
    @Autowired
    ReleaseDirectory directory;

    @Test
    void anApprovalIsStoredAsApprovalGrantedWithTheCallerAsApproverAndTheRegisteredRevision() {
        registerReleaseByAlice("approved");
        Answer answer = api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", """
                {"target": "approved", "version": "2.1.0", "role": "auditor", "verdict": "APPROVE",
                 "comment": "AUD-2026-11-22-001", "expiresAt": "2026-12-22T10:00:00Z"}""");

        assertThat(answer.status()).isEqualTo(201);
        ApprovalGranted event = ApiFixture.single(approvalsFor("approved"), ApprovalGranted.class);
        assertThat(event.getApprover()).isEqualTo("bob");
        assertThat(event.getMeta().getPrincipal()).isEqualTo("bob");
        assertThat(event.getRole()).isEqualTo("auditor");
        assertThat(event.getRevision()).isEqualTo(REVISION);
        assertThat(event.getComment()).isEqualTo("AUD-2026-11-22-001");
        assertThat(event.getExpiresAt()).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
        assertThat(event.getMeta().getOccurredAt()).isEqualTo(NOW);
        assertThat(event.getApprovalId()).isEqualTo(answer.body().path("approvalId").asString());
        assertThat(event.getMeta().getEventId()).isEqualTo(answer.body().path("eventId").asString());
    }

    @Test
    void approvingTwiceInOneRoleCountsOnceWhileARejectionIsRecordedAsSuch() {
        registerReleaseByAlice("twice");
        String body = """
                {"target": "twice", "version": "2.1.0", "role": "risk", "verdict": "APPROVE"}""";
        Answer first = api.call(HttpMethod.POST, "/api/v1/approvals", "demo-carol", body);
        Answer second = api.call(HttpMethod.POST, "/api/v1/approvals", "demo-carol", body);
        Answer rejection = api.call(HttpMethod.POST, "/api/v1/approvals", "demo-carol", """
                {"target": "twice", "version": "2.1.0", "role": "risk", "verdict": "REJECT", "comment": "drawdown"}""");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("eventId").asString()).isEqualTo(first.body().path("eventId").asString());
        assertThat(rejection.status()).isEqualTo(201);
        List<SpecificRecord> stored = approvalsFor("twice");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0)).isInstanceOf(ApprovalGranted.class);
        assertThat(((ApprovalRejected) stored.get(1)).getComment()).isEqualTo("drawdown");
    }

    @Test
    void theAuthorCannotApproveTheirOwnReleaseAndTheAttemptIsRecorded() {
        // alice authored the release, and holds the role she approves as
        registerReleaseByAlice("four-eyes");
        Answer selfApproval = api.call(HttpMethod.POST, "/api/v1/approvals", "demo-alice", """
                {"target": "four-eyes", "version": "2.1.0", "role": "engineer", "verdict": "APPROVE"}""");

        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.body().path("detail").asString()).contains("author may not approve own release");
        ActionRefused refused = ApiFixture.single(approvalsFor("four-eyes"), ActionRefused.class);
        assertThat(refused.getAttemptedBy()).isEqualTo("alice");
        assertThat(refused.getAction()).isEqualTo("APPROVE");
        assertThat(refused.getVersion()).isEqualTo("2.1.0");
        assertThat(refused.getReason()).contains("four-eyes");
    }

    @Test
    void theAuthorCannotApproveUnderAnotherSpellingOrAliasOfTheirName_andNothingButTheRefusalIsWritten() {
        // Releases registered with bob as author under names that a string comparison tells apart
        // from "bob": trailing space, case, a zero-width character, fullwidth letters, his e-mail.
        String[][] authors = {{"fe-space", "bob "}, {"fe-case", "Bob"}, {"fe-zero-width", "b\u200Bob"},
            {"fe-fullwidth", "\uFF42\uFF4F\uFF42"}, {"fe-alias", "bob@example.com"}};
        for (String[] author : authors) {
            registerRelease(author[0], author[1], List.of());
            Answer selfApproval = api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", """
                    {"target": "%s", "version": "2.1.0", "role": "code-review", "verdict": "APPROVE"}"""
                    .formatted(author[0]));

            assertThat(selfApproval.status()).as(author[1]).isEqualTo(403);
            assertThat(selfApproval.body().path("detail").asString()).contains("four-eyes");
            ActionRefused refused = ApiFixture.single(approvalsFor(author[0]), ActionRefused.class);
            assertThat(refused.getAttemptedBy()).isEqualTo("bob");
            assertThat(refused.getAction()).isEqualTo("APPROVE");
        }
    }

    @Test
    void theAuthorCannotWaiveUnderAnAliasRecordedAtRegistration() {
        registerRelease("fe-waive", "dave-gh", List.of("dave"));
        Answer waiver = api.call(HttpMethod.POST, "/api/v1/waivers", "demo-dave", """
                {"target": "fe-waive", "version": "2.1.0", "criterion": "paper-trading", "role": "founder",
                 "rationale": "trust me"}""");

        assertThat(waiver.status()).isEqualTo(403);
        assertThat(ApiFixture.single(approvalsFor("fe-waive"), ActionRefused.class).getAction()).isEqualTo("WAIVE");
    }

    @Test
    void approvingInARoleNotHeldIsRefusedAndRecorded() {
        registerReleaseByAlice("wrong-role");
        Answer answer = api.call(HttpMethod.POST, "/api/v1/approvals", "demo-frank", """
                {"target": "wrong-role", "version": "2.1.0", "role": "founder", "verdict": "APPROVE"}""");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(ApiFixture.single(approvalsFor("wrong-role"), ActionRefused.class).getReason())
                .contains("frank does not hold role 'founder'");
    }

    @Test
    void onlyTheApproverMayRevokeAndAnUnknownIdIsNotFound() {
        registerReleaseByAlice("revoked");
        String approvalId = api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", """
                {"target": "revoked", "version": "2.1.0", "role": "auditor", "verdict": "APPROVE"}""")
                .body().path("approvalId").asString();

        Answer byCarol = api.call(HttpMethod.DELETE, "/api/v1/approvals/" + approvalId, "demo-carol", null);
        Answer byBob = api.call(HttpMethod.DELETE, "/api/v1/approvals/" + approvalId + "?reason=found+a+gap",
                "demo-bob", null);
        Answer unknown = api.call(HttpMethod.DELETE, "/api/v1/approvals/no-such-approval", "demo-bob", null);

        assertThat(byCarol.status()).isEqualTo(403);
        assertThat(byBob.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(404);
        List<SpecificRecord> stored = approvalsFor("revoked");
        assertThat(stored).hasSize(3);
        assertThat(((ActionRefused) stored.get(1)).getAction()).isEqualTo("REVOKE");
        ApprovalRevoked revoked = (ApprovalRevoked) stored.get(2);
        assertThat(revoked.getApprovalId()).isEqualTo(approvalId);
        assertThat(revoked.getRevokedBy()).isEqualTo("bob");
        assertThat(revoked.getReason()).isEqualTo("found a gap");
        assertThat(revoked.getRole()).isEqualTo("auditor");
    }

    @Test
    void anApprovalRecordedByAnotherInstanceIsKnownFromTheTopicSoItsApproverCanRevokeIt() {
        String approvalId = UUID.randomUUID().toString();
        publisher.publish(Topics.APPROVALS, "elsewhere", ApprovalGranted.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(NOW).setPrincipal("carol").build())
                .setTarget("elsewhere").setApprovalId(approvalId).setVersion("2.1.0").setRole("risk")
                .setApprover("carol").build());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.call(HttpMethod.DELETE, "/api/v1/approvals/" + approvalId, "demo-carol", null).status())
                .isEqualTo(200));
        assertThat(approvalsFor("elsewhere")).last().isInstanceOf(ApprovalRevoked.class);
    }

    @Test
    void aWaiverNeedsAWaivingRoleAndARationaleAndIsStoredWithBoth() {
        registerReleaseByAlice("waived");
        Answer byAuditor = api.call(HttpMethod.POST, "/api/v1/waivers", "demo-bob", """
                {"target": "waived", "version": "2.1.0", "criterion": "paper-trading", "rationale": "hotfix"}""");
        Answer withoutRationale = api.call(HttpMethod.POST, "/api/v1/waivers", "demo-dave", """
                {"target": "waived", "version": "2.1.0", "criterion": "paper-trading"}""");
        // dave waives as founder or as release captain: he must say which.
        Answer ambiguous = api.call(HttpMethod.POST, "/api/v1/waivers", "demo-dave", """
                {"target": "waived", "version": "2.1.0", "criterion": "paper-trading",
                 "rationale": "hotfix for a live incident"}""");
        Answer byFounder = api.call(HttpMethod.POST, "/api/v1/waivers", "demo-dave", """
                {"target": "waived", "version": "2.1.0", "criterion": "paper-trading", "role": "founder",
                 "rationale": "hotfix for a live incident", "expiresAt": "2026-11-23T10:00:00Z"}""");

        assertThat(byAuditor.status()).isEqualTo(403);
        assertThat(withoutRationale.status()).isEqualTo(400);
        assertThat(withoutRationale.body().path("field").asString()).isEqualTo("rationale");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.body().path("field").asString()).isEqualTo("role");
        assertThat(byFounder.status()).isEqualTo(201);
        List<SpecificRecord> stored = approvalsFor("waived");
        assertThat(stored).hasSize(2);
        assertThat(((ActionRefused) stored.get(0)).getAction()).isEqualTo("WAIVE");
        WaiverGranted waiver = (WaiverGranted) stored.get(1);
        assertThat(waiver.getGrantedBy()).isEqualTo("dave");
        assertThat(waiver.getRole()).isEqualTo("founder");
        assertThat(waiver.getCriterion()).isEqualTo("paper-trading");
        assertThat(waiver.getRationale()).isEqualTo("hotfix for a live incident");
        assertThat(waiver.getWaiverId()).isEqualTo(byFounder.body().path("waiverId").asString());
    }

    @Test
    void aWaiverWithoutExpiryLapsesAfterTheDefaultSevenDaysAndALongerOneIsRefused() {
        registerReleaseByAlice("waiver-expiry");
        Answer unbounded = api.call(HttpMethod.POST, "/api/v1/waivers", "demo-frank", """
                {"target": "waiver-expiry", "version": "2.1.0", "criterion": "paper-trading",
                 "rationale": "too long", "expiresAt": "2027-01-22T10:15:30Z"}""");
        Answer byDefault = api.call(HttpMethod.POST, "/api/v1/waivers", "demo-frank", """
                {"target": "waiver-expiry", "version": "2.1.0", "criterion": "paper-trading",
                 "rationale": "market closed for the holiday"}""");

        assertThat(unbounded.status()).isEqualTo(400);
        assertThat(unbounded.body().path("field").asString()).isEqualTo("expiresAt");
        assertThat(byDefault.status()).isEqualTo(201);
        WaiverGranted waiver = ApiFixture.single(approvalsFor("waiver-expiry"), WaiverGranted.class);
        assertThat(waiver.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void theGrantorOrAWaivingAuthorityRevokesAWaiver_recordedAsWaiverRevoked_othersAreRefusedAndRecorded() {
        registerReleaseByAlice("waiver-revoked");
        String waiverId = api.call(HttpMethod.POST, "/api/v1/waivers", "demo-dave", """
                {"target": "waiver-revoked", "version": "2.1.0", "criterion": "paper-trading", "role": "founder",
                 "rationale": "hotfix for a live incident"}""").body().path("waiverId").asString();

        Answer anonymous = api.call(HttpMethod.DELETE, "/api/v1/waivers/" + waiverId, null, null);
        Answer byCi = api.call(HttpMethod.DELETE, "/api/v1/waivers/" + waiverId, "demo-ci", null);
        Answer byCarol = api.call(HttpMethod.DELETE, "/api/v1/waivers/" + waiverId + "?reason=incident+over",
                "demo-carol", null);
        Answer again = api.call(HttpMethod.DELETE, "/api/v1/waivers/" + waiverId, "demo-dave", null);
        Answer unknown = api.call(HttpMethod.DELETE, "/api/v1/waivers/no-such-waiver", "demo-dave", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(byCi.status()).isEqualTo(403);
        assertThat(byCarol.status()).isEqualTo(200);
        assertThat(byCarol.body().path("revoked").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("eventId").isNull()).isTrue();
        assertThat(unknown.status()).isEqualTo(404);
        List<SpecificRecord> stored = approvalsFor("waiver-revoked");
        assertThat(stored).hasSize(3);
        ActionRefused refused = (ActionRefused) stored.get(1);
        assertThat(refused.getAction()).isEqualTo("REVOKE_WAIVER");
        assertThat(refused.getAttemptedBy()).isEqualTo("ci");
        WaiverRevoked revoked = (WaiverRevoked) stored.get(2);
        assertThat(revoked.getWaiverId()).isEqualTo(waiverId);
        assertThat(revoked.getRevokedBy()).isEqualTo("carol");
        assertThat(revoked.getReason()).isEqualTo("incident over");
        assertThat(revoked.getCriterion()).isEqualTo("paper-trading");
        assertThat(revoked.getMeta().getEventId()).isEqualTo(byCarol.body().path("eventId").asString());
    }

    @Test
    void anOnCallEngineerAcknowledgesAWindowAndOthersAreRefused() {
        String window = """
                {"target": "covered", "windowStart": "2026-11-22T12:00:00Z", "windowEnd": "2026-11-22T14:00:00Z"}""";
        Answer byAlice = api.call(HttpMethod.POST, "/api/v1/acks", "demo-alice", window);
        Answer byErin = api.call(HttpMethod.POST, "/api/v1/acks", "demo-erin", window);

        assertThat(byAlice.status()).isEqualTo(403);
        assertThat(byErin.status()).isEqualTo(201);
        List<SpecificRecord> stored = approvalsFor("covered");
        assertThat(stored).hasSize(2);
        assertThat(((ActionRefused) stored.get(0)).getAction()).isEqualTo("ACKNOWLEDGE_ON_CALL");
        OnCallAcknowledged ack = (OnCallAcknowledged) stored.get(1);
        assertThat(ack.getEngineer()).isEqualTo("erin");
        assertThat(ack.getVersion()).isNull();
        assertThat(ack.getWindowStart()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(ack.getWindowEnd()).isEqualTo(Instant.parse("2026-11-22T14:00:00Z"));
    }

    @Test
    void erinMayActivateTheKillSwitchButOnlyTheFounderMayDeactivateIt() {
        Answer activate = api.call(HttpMethod.POST, "/api/v1/kill-switch", "demo-erin", """
                {"target": "halted", "action": "ACTIVATE", "reason": "page alert during ramp"}""");
        Answer erinDeactivates = api.call(HttpMethod.POST, "/api/v1/kill-switch", "demo-erin", """
                {"target": "halted", "action": "DEACTIVATE", "reason": "looks fine"}""");
        Answer daveDeactivates = api.call(HttpMethod.POST, "/api/v1/kill-switch", "demo-dave", """
                {"target": "halted", "action": "DEACTIVATE", "reason": "rollback to 1.2.2 verified"}""");

        assertThat(activate.status()).isEqualTo(200);
        assertThat(erinDeactivates.status()).isEqualTo(403);
        assertThat(daveDeactivates.status()).isEqualTo(200);
        List<SpecificRecord> flips = api.recordsFor(Topics.KILL_SWITCH, "halted");
        assertThat(flips).hasSize(2);
        KillSwitchActivated activated = (KillSwitchActivated) flips.get(0);
        assertThat(activated.getActivatedBy()).isEqualTo("erin");
        assertThat(activated.getSource()).isEqualTo(KillSwitchSource.MANUAL);
        assertThat(activated.getReason()).isEqualTo("page alert during ramp");
        KillSwitchDeactivated deactivated = (KillSwitchDeactivated) flips.get(1);
        assertThat(deactivated.getDeactivatedBy()).isEqualTo("dave");
        ActionRefused refused = ApiFixture.single(approvalsFor("halted"), ActionRefused.class);
        assertThat(refused.getAttemptedBy()).isEqualTo("erin");
        assertThat(refused.getAction()).isEqualTo("KILL_SWITCH_DEACTIVATE");
        assertThat(refused.getVersion()).isNull();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        registerReleaseByAlice("bad-input");
        assertThat(api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", """
                {"target": "bad-input", "version": "2.1.0", "role": "auditor", "verdict": "MAYBE"}""")
                .body().path("field").asString()).isEqualTo("verdict");
        assertThat(api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", """
                {"target": "bad-input", "version": "2.1.0", "role": "auditor", "verdict": "APPROVE",
                 "expiresAt": "2026-11-01T00:00:00Z"}""").body().path("field").asString()).isEqualTo("expiresAt");
        assertThat(api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", """
                {"target": "bad-input", "version": "v2", "role": "auditor", "verdict": "APPROVE"}""")
                .body().path("field").asString()).isEqualTo("version");
        assertThat(api.call(HttpMethod.POST, "/api/v1/acks", "demo-erin", """
                {"target": "bad-input", "windowStart": "noon", "windowEnd": "2026-11-22T14:00:00Z"}""")
                .body().path("field").asString()).isEqualTo("windowStart");
        assertThat(api.call(HttpMethod.POST, "/api/v1/kill-switch", "demo-erin", """
                {"target": "bad-input", "action": "PAUSE", "reason": "x"}""")
                .body().path("field").asString()).isEqualTo("action");
        assertThat(api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", """
                {"target": "bad-input", "version": "9.9.9", "role": "auditor", "verdict": "APPROVE"}""")
                .status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", "{\"target\": \"bad-input\", \"comment\": \""
                + "x".repeat(20_000) + "\"}").status()).isEqualTo(413);
        // Bodies that are not the expected JSON name the JSON path too, not just "bad request".
        assertThat(api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", """
                {"target": ["bad-input"], "version": "1.0.0", "role": "auditor", "verdict": "APPROVE"}""")
                .body().path("field").asString()).isEqualTo("target");
        assertThat(api.call(HttpMethod.POST, "/api/v1/approvals", "demo-bob", "{\"target\": \"bad-input\", ")
                .status()).isEqualTo(400);
        assertThat(approvalsFor("bad-input")).isEmpty();
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointWithBearerAuthenticationAndNeedsNoToken() {
        tools.jackson.databind.JsonNode docs = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get().uri("/v3/api-docs").retrieve().body(tools.jackson.databind.JsonNode.class);

        assertThat(docs.path("info").path("title").asString()).isEqualTo("Greenlight approval");
        assertThat(docs.path("paths").propertyNames()).contains("/api/v1/approvals", "/api/v1/waivers",
                "/api/v1/acks", "/api/v1/kill-switch");
        assertThat(docs.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void withoutAValidTokenTheCallerIsChallengedAndNothingIsWritten() {
        String body = """
                {"target": "anonymous", "version": "2.1.0", "role": "auditor", "verdict": "APPROVE"}""";

        assertThat(api.call(HttpMethod.POST, "/api/v1/approvals", null, body).status()).isEqualTo(401);
        assertThat(api.call(HttpMethod.POST, "/api/v1/approvals", "demo-nobody", body).status()).isEqualTo(401);
        assertThat(approvalsFor("anonymous")).isEmpty();
    }

    @Test
    void reportsHealthyServesPrometheusMetricsAndHasCreatedTheCatalogueTopics() throws Exception {
        RestClient client = RestClient.create("http://localhost:" + port);
        assertThat(client.get().uri("/actuator/health").retrieve().body(String.class)).contains("\"status\":\"UP\"");
        assertThat(client.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("jvm_memory_used_bytes").contains("application=\"approval\"");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.all().stream().map(Topic::name).toList());
        }
    }

    /** Registers {@code target}@2.1.0, authored by alice, as check-ingest would, and waits until it is known. */
    private void registerReleaseByAlice(String target) {
        registerRelease(target, "alice", List.of());
    }

    private void registerRelease(String target, String author, List<String> authorAliases) {
        publisher.publish(Topics.RELEASES, target, ReleaseRegistered.newBuilder()
                .setMeta(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(NOW).setPrincipal("ci").build())
                .setTarget(target).setVersion("2.1.0").setReleaseType(ReleaseType.STRATEGY)
                .setRevision(REVISION).setAuthor(author).setAuthorAliases(authorAliases).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.find(target, "2.1.0").isPresent());
    }

    private List<SpecificRecord> approvalsFor(String target) {
        return api.recordsFor(Topics.APPROVALS, target);
    }
}
