package dev.greenlight.ledger.evidence.application;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.ApprovalRevoked;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.ledger.evidence.domain.EvidenceBundle;
import dev.greenlight.ledger.evidence.domain.LedgerBasis;
import dev.greenlight.ledger.evidence.domain.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * A ledger in the making for assembler tests: events are "recorded" in the order given, one minute
 * apart, on ledger partition 0, so a test states facts in the order they happened and can ask which
 * entry each one became.
 */
final class EvidenceFixture {

    static final String TARGET = "ict-qm";
    static final String VERSION = "2.1.0";
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final List<CitedEvent> events = new ArrayList<>();
    private long checkpointedUpTo = Long.MAX_VALUE;

    EvidenceFixture record(SpecificRecord... recorded) {
        for (SpecificRecord event : recorded) {
            long sequence = events.size();
            String type = event.getSchema().getName();
            events.add(new CitedEvent(new Source("0/" + sequence, 0, sequence, type,
                    ((EventMetadata) event.get(0)).getEventId(), T0.plus(Duration.ofMinutes(sequence)),
                    sequence <= checkpointedUpTo), event));
        }
        return this;
    }

    /** Entries recorded from now on are not covered by the checkpoint. */
    EvidenceFixture checkpointHere() {
        checkpointedUpTo = events.size() - 1L;
        return this;
    }

    /** The entry an event (by id) was recorded as. */
    String entryOf(String eventId) {
        return events.stream().filter(e -> e.source().eventId().equals(eventId)).findFirst().orElseThrow()
                .source().entry();
    }

    EvidenceBundle assemble() {
        return new EvidenceAssembler().assemble(TARGET, VERSION, events,
                new LedgerBasis(events.size(), "ab".repeat(32), T0.plus(Duration.ofDays(30)), "key-1",
                        Map.of(0, checkpointedUpTo == Long.MAX_VALUE ? events.size() - 1L : checkpointedUpTo),
                        events.size()),
                T0.plus(Duration.ofDays(30))).orElseThrow();
    }

    List<CitedEvent> events() {
        return events;
    }

    static EventMetadata meta(String id, Instant at, String principal) {
        return new EventMetadata(id, at, principal);
    }

    static ReleaseRegistered registered(String version) {
        return ReleaseRegistered.newBuilder().setMeta(meta("rel-" + version, T0, "ci")).setTarget(TARGET)
                .setVersion(version).setReleaseType(ReleaseType.STRATEGY).setRevision("5114f85").setAuthor("alice")
                .setChangelog("Session breakout strategy").setPolicy(null).build();
    }

    static CheckReported check(String id, String name, CheckStatus status, String url, Instant completedAt) {
        return CheckReported.newBuilder().setMeta(meta(id, completedAt, "ci")).setTarget(TARGET).setVersion(VERSION)
                .setName(name).setStatus(status).setRevision("5114f85").setStartedAt(completedAt.minusSeconds(600))
                .setCompletedAt(completedAt).setUrl(url).setSummary(url == null ? null : "suite of " + name)
                .setDetails(Map.of()).setSource("ci").build();
    }

    static ApprovalGranted approval(String id, String role, String approver, String comment, Instant at) {
        return ApprovalGranted.newBuilder().setMeta(meta(id, at, approver)).setTarget(TARGET).setApprovalId("a-" + id)
                .setVersion(VERSION).setRevision("5114f85").setRole(role).setApprover(approver).setComment(comment)
                .setExpiresAt(null).build();
    }

    static ApprovalRejected rejection(String id, String role, String approver, String comment, Instant at) {
        return ApprovalRejected.newBuilder().setMeta(meta(id, at, approver)).setTarget(TARGET).setApprovalId("a-" + id)
                .setVersion(VERSION).setRevision("5114f85").setRole(role).setApprover(approver).setComment(comment)
                .setExpiresAt(null).build();
    }

    static ApprovalRevoked revocation(String id, String approvalEventId, String role, String by, String reason) {
        return ApprovalRevoked.newBuilder().setMeta(meta(id, T0, by)).setTarget(TARGET)
                .setApprovalId("a-" + approvalEventId).setVersion(VERSION).setRole(role).setRevokedBy(by)
                .setReason(reason).build();
    }

    static WaiverGranted waiver(String id, String criterion, String by, String role, String rationale) {
        return WaiverGranted.newBuilder().setMeta(meta(id, T0, by)).setTarget(TARGET).setWaiverId("w-" + id)
                .setVersion(VERSION).setCriterion(criterion).setRationale(rationale).setGrantedBy(by).setRole(role)
                .setExpiresAt(null).build();
    }

    static MetricObserved metric(String id, String name, double value, Map<String, String> labels, Instant at) {
        return MetricObserved.newBuilder().setMeta(meta(id, at, "ci")).setTarget(TARGET).setVersion(VERSION)
                .setName(name).setValue(value).setObservedAt(at).setLabels(labels).build();
    }

    static CriterionResult criterion(String name, String kind, CriterionStatus status, String observed,
            String threshold, String reason, String... evidenceIds) {
        return CriterionResult.newBuilder().setName(name).setKind(kind).setStatus(status).setBlocking(true)
                .setObserved(observed).setThreshold(threshold).setReason(reason).setEvidenceIds(List.of(evidenceIds))
                .build();
    }

    static GateDecided decision(String id, String stage, GateOutcome outcome, Instant evaluatedAt,
            Instant nextChangeAt, List<CriterionResult> criteria, List<String> missing, String... evidenceIds) {
        return GateDecided.newBuilder().setMeta(meta(id, evaluatedAt, "gate-evaluator")).setTarget(TARGET)
                .setDecisionId(id).setVersion(VERSION).setStage(stage).setOutcome(outcome).setCriteria(criteria)
                .setMissing(missing).setNextChangeAt(nextChangeAt)
                .setPolicy(new PolicyRef("trading-strategy", "1", "c0ffee"))
                .setEvaluatedAt(evaluatedAt).setPreviousDecisionId(null).setEvidenceIds(List.of(evidenceIds)).build();
    }

    static RolloutStepStarted step(String id, String stage, int traffic, Instant at, Instant soakUntil) {
        return RolloutStepStarted.newBuilder().setMeta(meta(id, at, "rollout-controller")).setTarget(TARGET)
                .setVersion(VERSION).setStage(stage).setTrafficPercent(traffic).setSoakUntil(soakUntil)
                .setCommandSequence(null).build();
    }

    static RollbackTriggered rollback(String id, String stage, String guard, String observed, String threshold,
            String reason, Instant at) {
        return RollbackTriggered.newBuilder().setMeta(meta(id, at, "rollout-controller")).setTarget(TARGET)
                .setVersion(VERSION).setStage(stage).setAction(GuardAction.ROLLBACK).setGuard(guard)
                .setObserved(observed).setThreshold(threshold).setReason(reason).setEvidenceIds(List.of())
                .setRestoredVersion("2.0.0").build();
    }

    static DeploymentCommand command(String id, String commandId, int traffic, long sequence, String reason) {
        return DeploymentCommand.newBuilder().setMeta(meta(id, T0, "rollout-controller")).setTarget(TARGET)
                .setCommandId(commandId).setVersion(VERSION).setTrafficPercent(traffic).setReason(reason)
                .setSequence(sequence).setPreviousVersion("2.0.0").build();
    }

    static DeploymentApplied applied(String id, String commandId, long sequence, DeploymentStatus status) {
        return DeploymentApplied.newBuilder().setMeta(meta(id, T0, "deployer")).setTarget(TARGET)
                .setCommandId(commandId).setSequence(sequence).setAppliedBy("deployer-1").setStatus(status)
                .setMessage(status == DeploymentStatus.FAILED ? "image pull failed" : null).build();
    }

    static KillSwitchActivated killSwitch(String id, String reason) {
        return KillSwitchActivated.newBuilder().setMeta(meta(id, T0, "erin")).setTarget(TARGET).setReason(reason)
                .setActivatedBy("erin").setSource(KillSwitchSource.MANUAL).build();
    }

    static AlertFired pageAlert(String id, Instant at) {
        return AlertFired.newBuilder().setMeta(meta(id, at, "alertmanager")).setTarget(TARGET).setFingerprint("fp-" + id)
                .setAlertName("LiveErrors").setSeverity(AlertSeverity.PAGE).setLabels(Map.of())
                .setAnnotations(Map.of()).setStartsAt(at).setEndsAt(null).build();
    }
}
