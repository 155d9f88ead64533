package dev.greenlight.evidence;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRevoked;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.OnCallAcknowledged;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.events.WaiverRevoked;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Terse factories for evidence events in tests (shared through the platform test-jar), so a test
 * reads as the story of a release rather than as Avro constructor calls.
 */
public final class EvidenceEvents {

    public static final String REVISION = "1111111111111111111111111111111111111111";

    private EvidenceEvents() {
    }

    public static EventMetadata meta(String id, Instant at) {
        return new EventMetadata(id, at, "test");
    }

    public static ReleaseRegistered release(String id, String target, String version, ReleaseType type, Instant at) {
        return new ReleaseRegistered(meta(id, at), target, version, type, REVISION, "alice", null, null, null,
                java.util.List.of());
    }

    public static CheckReported check(String id, String target, String version, String name, CheckStatus status,
                                      Instant startedAt, Instant completedAt) {
        return new CheckReported(meta(id, completedAt), target, version, name, status, REVISION, startedAt,
                completedAt, null, null, Map.of(), null, null);
    }

    /** A PASS run of {@code name} that completed at {@code at} after running for {@code run}. */
    public static CheckReported pass(String id, String target, String version, String name, Instant at, Duration run) {
        return check(id, target, version, name, CheckStatus.PASS, at.minus(run), at);
    }

    public static AlertFired fired(String id, String target, String fingerprint, AlertSeverity severity, Instant at) {
        return new AlertFired(meta(id, at), target, fingerprint, "Alert-" + fingerprint, severity, Map.of(), Map.of(),
                at, null);
    }

    public static AlertResolved resolved(String id, String target, String fingerprint, AlertSeverity severity,
                                         Instant startsAt, Instant endsAt) {
        return new AlertResolved(meta(id, endsAt), target, fingerprint, "Alert-" + fingerprint, severity, Map.of(),
                Map.of(), startsAt, endsAt);
    }

    public static MetricObserved metric(String id, String target, String version, String name, double value,
                                        Instant at) {
        return new MetricObserved(meta(id, at), target, version, name, value, at, Map.of());
    }

    public static ApprovalGranted approval(String id, String target, String version, String approvalId, String role,
                                           String approver, Instant at, Instant expiresAt) {
        return new ApprovalGranted(meta(id, at), target, approvalId, version, REVISION, role, approver, null,
                expiresAt);
    }

    public static ApprovalRevoked revoked(String id, String target, String version, String approvalId, String role,
                                          Instant at) {
        return new ApprovalRevoked(meta(id, at), target, approvalId, version, role, "bob", "changed my mind");
    }

    public static WaiverGranted waiver(String id, String target, String version, String criterion, String role,
                                       Instant at) {
        return new WaiverGranted(meta(id, at), target, "w-" + id, version, criterion, "accepted risk", "carol", role,
                null);
    }

    /** Withdraws the waiver {@link #waiver} recorded under event id {@code waiverEventId}. */
    public static WaiverRevoked waiverRevoked(String id, String target, String version, String waiverEventId,
                                              String criterion, Instant at) {
        return new WaiverRevoked(meta(id, at), target, "w-" + waiverEventId, version, criterion, "dave",
                "the dependency slipped");
    }

    public static OnCallAcknowledged onCall(String id, String target, Instant from, Instant to) {
        return new OnCallAcknowledged(meta(id, from), target, null, "dave", from, to);
    }
}
