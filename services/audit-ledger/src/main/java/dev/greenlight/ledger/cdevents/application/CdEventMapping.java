package dev.greenlight.ledger.cdevents.application;

import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.GuardAction;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutAborted;
import dev.greenlight.events.RolloutStepStarted;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Greenlight event → CDEvent, one pure function per event kind, so every mapping is tested against
 * the spec's required fields without a broker:
 * <ul>
 *   <li>{@code RolloutStepStarted} → {@code dev.cdevents.service.deployed.0.2.0} (CDEvents v0.4.1): the
 *       target is the service, the stage its environment, the version the artifact;</li>
 *   <li>{@code RollbackTriggered} with ROLLBACK or KILL, {@code RolloutAborted} →
 *       {@code dev.cdevents.service.rolledback.0.2.0} (v0.4.1); a PAUSE guard is no rollback;</li>
 *   <li>a stage's {@code GateDecided} (not a checkpoint's): GO → {@code dev.cdevents.approval.closed.0.1.0}
 *       (status approved, responder the gate), NO-GO and HOLD → {@code dev.cdevents.approval.updated.0.1.0}
 *       with the failing criteria — the approval events of the CDEvents draft (context field
 *       {@code specversion}, {@value #DRAFT_SPEC});</li>
 *   <li>{@code ApprovalGranted} / {@code ApprovalRejected} → {@code dev.cdevents.approval.updated.0.1.0},
 *       the person as responder.</li>
 * </ul>
 * The CDEvent id (and so the CloudEvent id) is the source event's {@code meta.eventId}, which is stable
 * across redeliveries: a consumer drops a duplicate by id. Nothing here reads a clock.
 */
public final class CdEventMapping {

    public static final String SPEC_VERSION = "0.4.1";
    public static final String DRAFT_SPEC = "0.6.0-draft";
    public static final String SERVICE_DEPLOYED = "dev.cdevents.service.deployed.0.2.0";
    public static final String SERVICE_ROLLEDBACK = "dev.cdevents.service.rolledback.0.2.0";
    public static final String APPROVAL_UPDATED = "dev.cdevents.approval.updated.0.1.0";
    public static final String APPROVAL_CLOSED = "dev.cdevents.approval.closed.0.1.0";

    static final String ROLLOUTS_SOURCE = "/greenlight/rollout-controller";
    static final String GATE_SOURCE = "/greenlight/gate-evaluator";
    static final String APPROVALS_SOURCE = "/greenlight/approval";

    private final String gateUrl;

    /** @param gateUrl where the gate-evaluator's API is reached, for the approval events' links */
    public CdEventMapping(String gateUrl) {
        this.gateUrl = gateUrl.endsWith("/") ? gateUrl.substring(0, gateUrl.length() - 1) : gateUrl;
    }

    /** The CDEvent {@code event} is published as; empty for events no CDEvent describes. */
    public Optional<CdEvent> map(SpecificRecord event) {
        if (event instanceof RolloutStepStarted step) {
            return Optional.of(deployed(step));
        }
        if (event instanceof RollbackTriggered trip && trip.getAction() != GuardAction.PAUSE) {
            return Optional.of(rolledBack(trip.getMeta(), trip.getTarget(), trip.getVersion(), trip.getStage(),
                    trip.getRestoredVersion(), Map.of("action", trip.getAction().name(), "guard", trip.getGuard(),
                            "reason", trip.getReason())));
        }
        if (event instanceof RolloutAborted abort) {
            return Optional.of(rolledBack(abort.getMeta(), abort.getTarget(), abort.getVersion(), abort.getStage(),
                    abort.getRestoredVersion(), Map.of("action", "ABORT", "abortedBy", abort.getAbortedBy(),
                            "reason", abort.getReason())));
        }
        if (event instanceof GateDecided decided && decided.getCheckpoint() == null) {
            return Optional.of(decision(decided));
        }
        if (event instanceof ApprovalGranted granted) {
            return Optional.of(signOff(granted.getMeta(), granted.getTarget(), granted.getVersion(), granted.getRole(),
                    granted.getApprover(), "approve"));
        }
        if (event instanceof ApprovalRejected rejected) {
            return Optional.of(signOff(rejected.getMeta(), rejected.getTarget(), rejected.getVersion(),
                    rejected.getRole(), rejected.getApprover(), "reject"));
        }
        return Optional.empty();
    }

    private CdEvent deployed(RolloutStepStarted step) {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("target", step.getTarget());
        custom.put("version", step.getVersion());
        custom.put("stage", step.getStage());
        custom.put("trafficPercent", step.getTrafficPercent());
        return service(step.getMeta(), SERVICE_DEPLOYED, step.getTarget(), step.getStage(),
                artifact(step.getTarget(), step.getVersion()), custom);
    }

    private CdEvent rolledBack(EventMetadata meta, String target, String version, String stage, String restored,
                               Map<String, String> why) {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("target", target);
        custom.put("rolledBackVersion", version);
        custom.put("restoredVersion", restored);
        custom.put("stage", stage);
        custom.putAll(new java.util.TreeMap<>(why));
        // The artifact now running: the restored version; without one (nothing stable yet) the version taken off.
        return service(meta, SERVICE_ROLLEDBACK, target, stage, artifact(target, restored != null ? restored : version),
                custom);
    }

    private CdEvent service(EventMetadata meta, String type, String target, String stage, String artifactId,
                            Map<String, Object> custom) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("id", stage);
        environment.put("source", ROLLOUTS_SOURCE);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("environment", environment);
        content.put("artifactId", artifactId);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", target);
        subject.put("source", ROLLOUTS_SOURCE);
        subject.put("type", "service");
        subject.put("content", content);
        return event(meta, ROLLOUTS_SOURCE, type, context("version", SPEC_VERSION, meta, ROLLOUTS_SOURCE, type),
                subject, target, custom);
    }

    private CdEvent decision(GateDecided decided) {
        String target = decided.getTarget();
        String approvalId = target + "@" + decided.getVersion() + "/" + decided.getStage();
        Map<String, Object> content = approvalContent(target, decided.getVersion(), decided.getStage(),
                "urn:greenlight:gate-evaluator", decided.getOutcome().name());
        String type = APPROVAL_UPDATED;
        if (decided.getOutcome() == GateOutcome.GO) {
            type = APPROVAL_CLOSED;
            content.put("status", "approved");
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("decisionId", decided.getDecisionId());
        custom.put("stage", decided.getStage());
        custom.put("policy", decided.getPolicy().getName() + "@" + decided.getPolicy().getVersion());
        custom.put("reasons", reasons(decided.getCriteria()));
        return approval(decided.getMeta(), GATE_SOURCE, type, approvalId, content, target, custom);
    }

    private CdEvent signOff(EventMetadata meta, String target, String version, String role, String approver,
                            String verdict) {
        String approvalId = target + "@" + version + "/sign-off/" + role;
        Map<String, Object> content = approvalContent(target, version, null,
                "urn:greenlight:user:" + URLEncoder.encode(approver, StandardCharsets.UTF_8), verdict + " as " + role);
        return approval(meta, APPROVALS_SOURCE, APPROVAL_UPDATED, approvalId, content, target,
                Map.of("role", role, "approver", approver));
    }

    private Map<String, Object> approvalContent(String target, String version, String stage, String responder,
                                                String decision) {
        Map<String, Object> content = new LinkedHashMap<>();
        String release = "/api/v1/releases/" + path(target) + "/" + path(version);
        content.put("approvalDetailsUrl", gateUrl + (stage == null ? release
                : "/api/v1/integrations/verdict?target=" + query(target) + "&version=" + query(version)
                + "&stage=" + query(stage)));
        content.put("resourceTargetUrl", gateUrl + release);
        content.put("responder", responder);
        content.put("decision", decision);
        return content;
    }

    private CdEvent approval(EventMetadata meta, String source, String type, String approvalId,
                             Map<String, Object> content, String target, Map<String, ?> custom) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", approvalId);
        subject.put("source", source);
        subject.put("content", content);
        return event(meta, source, type, context("specversion", DRAFT_SPEC, meta, source, type), subject, target,
                new LinkedHashMap<>(custom));
    }

    private static Map<String, Object> context(String versionField, String version, EventMetadata meta, String source,
                                               String type) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(versionField, version);
        context.put("id", meta.getEventId());
        context.put("source", source);
        context.put("type", type);
        context.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(meta.getOccurredAt()));
        return context;
    }

    private static CdEvent event(EventMetadata meta, String source, String type, Map<String, Object> context,
                                 Map<String, Object> subject, String key, Map<String, Object> custom) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("context", context);
        document.put("subject", subject);
        document.put("customData", custom);
        document.put("customDataContentType", "application/json");
        Instant time = meta.getOccurredAt();
        return new CdEvent(meta.getEventId(), source, type, (String) subject.get("id"), time, key, document);
    }

    private static List<String> reasons(List<CriterionResult> criteria) {
        return criteria.stream().filter(c -> c.getStatus() == CriterionStatus.FAIL || c.getStatus() == CriterionStatus.PENDING)
                .map(c -> c.getName() + " " + c.getStatus() + ": " + c.getReason()).toList();
    }

    /** A package URL (purl) for a release: {@code pkg:generic/<target>@<version>}, the version percent-encoded. */
    static String artifact(String target, String version) {
        return "pkg:generic/" + path(target) + "@" + path(version);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
