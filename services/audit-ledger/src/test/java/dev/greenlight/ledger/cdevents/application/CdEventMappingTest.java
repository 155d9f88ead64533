package dev.greenlight.ledger.cdevents.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutAborted;
import dev.greenlight.events.RolloutStepStarted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per mapped event kind, against the required fields of the CDEvents schemas used:
 * v0.4.1 {@code service.deployed.0.2.0} / {@code service.rolledback.0.2.0} (context: version, id,
 * source, type, timestamp; subject: id, type "service", content.environment.id, content.artifactId)
 * and the draft {@code approval.updated.0.1.0} / {@code approval.closed.0.1.0} (context: specversion,
 * id, source, type, timestamp; subject: id, content.approvalDetailsUrl, resourceTargetUrl,
 * responder, decision, and for closed: status).
 */
class CdEventMappingTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private final CdEventMapping mapping = new CdEventMapping("https://gate.example.com:8183/");

    @Test
    void aRolloutStepIsServiceDeployedOfTheVersionInTheStagesEnvironment() {
        CdEvent event = mapping.map(new RolloutStepStarted(meta("step-1"), "ict-qm", "2.1.0+build.5", "live-10", 10, null, 3L))
                .orElseThrow();

        Map<String, Object> context = part(event, "context");
        assertServiceContext(context, "step-1", CdEventMapping.SERVICE_DEPLOYED);
        Map<String, Object> subject = part(event, "subject");
        assertThat(subject).containsEntry("id", "ict-qm").containsEntry("type", "service");
        Map<String, Object> content = map(subject.get("content"));
        assertThat(map(content.get("environment"))).containsEntry("id", "live-10");
        assertThat(content).containsEntry("artifactId", "pkg:generic/ict-qm@2.1.0%2Bbuild.5");
        assertThat(map(event.document().get("customData"))).containsEntry("trafficPercent", 10);
        assertCloudEventAttributes(event, "step-1", CdEventMapping.SERVICE_DEPLOYED, "ict-qm");
    }

    @Test
    void aRollbackGuardOrAnAbortIsServiceRolledBackToTheRestoredVersion_aPauseIsNothing() {
        CdEvent rollback = mapping.map(new RollbackTriggered(meta("rb-1"), "ict-qm", "2.1.0", "live-10",
                GuardAction.ROLLBACK, "live-errors", "4", "< 1", "4 live errors", List.of(), "2.0.3", null)).orElseThrow();
        assertServiceContext(part(rollback, "context"), "rb-1", CdEventMapping.SERVICE_ROLLEDBACK);
        assertThat(map(part(rollback, "subject").get("content"))).containsEntry("artifactId", "pkg:generic/ict-qm@2.0.3");
        assertThat(map(rollback.document().get("customData"))).containsEntry("rolledBackVersion", "2.1.0")
                .containsEntry("guard", "live-errors").containsEntry("action", "ROLLBACK");

        CdEvent abort = mapping.map(new RolloutAborted(meta("ab-1"), "ict-qm", "2.1.0", "live-10", "dave", "bad", null))
                .orElseThrow();
        assertThat(part(abort, "context")).containsEntry("type", CdEventMapping.SERVICE_ROLLEDBACK);
        // Nothing stable to restore: the artifact named is the version taken off.
        assertThat(map(part(abort, "subject").get("content"))).containsEntry("artifactId", "pkg:generic/ict-qm@2.1.0");

        assertThat(mapping.map(new RollbackTriggered(meta("rb-2"), "ict-qm", "2.1.0", "live-10", GuardAction.PAUSE,
                "contract", null, null, "regression", List.of(), null, null))).isEmpty();
    }

    @Test
    void aGoStageDecisionClosesTheStagesApprovalAsApprovedByTheGate() {
        CdEvent event = mapping.map(decision("d-1", GateOutcome.GO, null)).orElseThrow();

        Map<String, Object> context = part(event, "context");
        assertApprovalContext(context, "d-1", CdEventMapping.APPROVAL_CLOSED);
        Map<String, Object> subject = part(event, "subject");
        assertThat(subject).containsEntry("id", "ict-qm@2.1.0/live-10").doesNotContainKey("type");
        assertThat(map(subject.get("content")))
                .containsEntry("approvalDetailsUrl",
                        "https://gate.example.com:8183/api/v1/integrations/verdict?target=ict-qm&version=2.1.0&stage=live-10")
                .containsEntry("resourceTargetUrl", "https://gate.example.com:8183/api/v1/releases/ict-qm/2.1.0")
                .containsEntry("responder", "urn:greenlight:gate-evaluator")
                .containsEntry("decision", "GO").containsEntry("status", "approved");
    }

    @Test
    void noGoAndHoldUpdateTheApprovalWithTheirReasons_checkpointDecisionsAreNotApprovals() {
        CdEvent hold = mapping.map(decision("d-2", GateOutcome.HOLD, null)).orElseThrow();

        assertApprovalContext(part(hold, "context"), "d-2", CdEventMapping.APPROVAL_UPDATED);
        assertThat(map(part(hold, "subject").get("content"))).containsEntry("decision", "HOLD").doesNotContainKey("status");
        assertThat(map(hold.document().get("customData")).get("reasons").toString()).contains("signoff PENDING");
        assertThat(mapping.map(decision("d-3", GateOutcome.NO_GO, "T+30m"))).isEmpty();
    }

    @Test
    void aSignOffUpdatesTheReleasesApprovalWithThePersonAsResponder() {
        CdEvent granted = mapping.map(new ApprovalGranted(meta("ap-1"), "ict-qm", "a-1", "2.1.0", "5114f85c", "auditor",
                "bob smith", null, null)).orElseThrow();
        CdEvent rejected = mapping.map(new ApprovalRejected(meta("ap-2"), "ict-qm", "a-2", "2.1.0", "5114f85c", "risk",
                "carol", "no", null)).orElseThrow();

        assertApprovalContext(part(granted, "context"), "ap-1", CdEventMapping.APPROVAL_UPDATED);
        assertThat(part(granted, "subject")).containsEntry("id", "ict-qm@2.1.0/sign-off/auditor");
        assertThat(map(part(granted, "subject").get("content"))).containsEntry("responder", "urn:greenlight:user:bob+smith")
                .containsEntry("decision", "approve as auditor");
        assertThat(map(part(rejected, "subject").get("content"))).containsEntry("decision", "reject as risk");
    }

    @Test
    void otherEventsHaveNoCdEvent() {
        assertThat(mapping.map(new KillSwitchDeactivated(meta("k-1"), "ict-qm", "verified", "dave",
                KillSwitchSource.MANUAL))).isEmpty();
    }

    private static void assertServiceContext(Map<String, Object> context, String id, String type) {
        assertThat(context).containsOnlyKeys("version", "id", "source", "type", "timestamp")
                .containsEntry("version", "0.4.1").containsEntry("id", id).containsEntry("type", type)
                .containsEntry("source", "/greenlight/rollout-controller")
                .containsEntry("timestamp", "2026-11-22T10:00:00Z");
    }

    private static void assertApprovalContext(Map<String, Object> context, String id, String type) {
        assertThat(context).containsOnlyKeys("specversion", "id", "source", "type", "timestamp")
                .containsEntry("specversion", "0.6.0-draft").containsEntry("id", id).containsEntry("type", type)
                .containsEntry("timestamp", "2026-11-22T10:00:00Z");
        assertThat((String) context.get("source")).startsWith("/greenlight/");
    }

    private static void assertCloudEventAttributes(CdEvent event, String id, String type, String subject) {
        assertThat(event.id()).isEqualTo(id);
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.subject()).isEqualTo(subject);
        assertThat(event.time()).isEqualTo(AT);
        assertThat(event.key()).isEqualTo("ict-qm");
    }

    private static GateDecided decision(String id, GateOutcome outcome, String checkpoint) {
        return GateDecided.newBuilder().setMeta(meta(id)).setTarget("ict-qm").setDecisionId(id).setVersion("2.1.0")
                .setStage("live-10").setOutcome(outcome)
                .setCriteria(List.of(new CriterionResult("signoff", "approval",
                        outcome == GateOutcome.GO ? CriterionStatus.PASS : CriterionStatus.PENDING, true, null, null,
                        "missing approval: founder", List.of())))
                .setMissing(List.of()).setNextChangeAt(null).setPolicy(new PolicyRef("trading-strategy", "1", "c0ffee"))
                .setEvaluatedAt(AT).setPreviousDecisionId(null).setEvidenceIds(List.of()).setCheckpoint(checkpoint)
                .build();
    }

    private static EventMetadata meta(String id) {
        return new EventMetadata(id, AT, "test");
    }

    private static Map<String, Object> part(CdEvent event, String name) {
        return map(event.document().get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
