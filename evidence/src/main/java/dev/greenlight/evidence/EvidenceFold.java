package dev.greenlight.evidence;

import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.ApprovalRevoked;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.events.HoldLifted;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.OnCallAcknowledged;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.events.WaiverRevoked;
import dev.greenlight.identity.TargetPattern;
import dev.greenlight.policy.evidence.Alert;
import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.evidence.CheckStatus;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.Freeze;
import dev.greenlight.policy.evidence.Hold;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.evidence.OnCallAck;
import dev.greenlight.policy.evidence.Release;
import dev.greenlight.policy.evidence.Verdict;
import dev.greenlight.policy.evidence.Waiver;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one mapping from recorded Avro events to the policy engine's {@link Evidence} for one
 * release. The gate evaluator, the rollout controller's guards and the ledger's replay all fold
 * through here, so they cannot disagree about what an event means.
 *
 * <p>Why it folds a collection instead of one event at a time: two events amend earlier ones by
 * reference — {@code AlertResolved} closes the alert with the same fingerprint and start,
 * {@code ApprovalRevoked} withdraws an approval by {@code approvalId} and {@code WaiverRevoked} a
 * waiver by {@code waiverId}, which the engine's {@link Approval} and {@link Waiver} do not carry. Folding the whole set (items first, then amendments, each in
 * event-id order) makes the result independent of arrival order, and duplicates (same
 * {@code meta.eventId}) collapse to one item.
 *
 * <p>An amended item is cited by its amendment's event id: a resolved alert by the
 * {@code AlertResolved} (which repeats everything the firing said), a revoked approval by the
 * {@code ApprovalRevoked}, a revoked waiver by the {@code WaiverRevoked}. A decision's evidence ids therefore show which amendments it already
 * knew, and {@link #cited} can select exactly the events a recorded decision saw.
 *
 * <p>Which events concern a release: everything of the same target that names the release's
 * version; metrics and on-call acknowledgements without a version and all alerts (which have
 * none) apply to every version of the target. Evidence item ids are always {@code meta.eventId}.
 * Holds ({@code HoldPlaced}) concern every release whose target their pattern covers, and a
 * {@code HoldLifted} removes the hold it names (a lifted hold is simply no longer evidence);
 * runtime freeze windows ({@code FreezeDeclared} / {@code FreezeLifted}) are folded the same way.
 * Kill-switch events and {@code ActionRefused} are not gate evidence (the engine has no such
 * item). {@code previousVersion} is what the registration says the release replaces: the
 * pipeline's word, recorded in the event, so a replay sees the same semver class.
 */
public final class EvidenceFold {

    private EvidenceFold() {
    }

    /**
     * The release as the engine sees it; its evidence id is the registration's event id, and its
     * author is known by every alias the registration recorded (four-eyes under any name).
     */
    public static Release release(ReleaseRegistered registered) {
        return new Release(registered.getMeta().getEventId(), registered.getTarget(), registered.getVersion(),
                ReleaseType.valueOf(registered.getReleaseType().name()), registered.getRevision(),
                registered.getAuthor(), Set.copyOf(registered.getAuthorAliases()));
    }

    /** Evidence of {@code registered} from any collection of events, in any order, with duplicates. */
    public static Evidence fold(ReleaseRegistered registered, Collection<? extends SpecificRecord> events) {
        Map<String, SpecificRecord> byId = new TreeMap<>();
        for (SpecificRecord event : events) {
            if (concerns(registered, event)) {
                byId.putIfAbsent(eventId(event), event);
            }
        }
        Items items = new Items();
        byId.values().forEach(items::add);
        byId.values().forEach(items::amend);
        return new Evidence(release(registered), items.checks, List.copyOf(items.alerts.values()), items.metrics,
                List.copyOf(items.approvals.values()), List.copyOf(items.waivers.values()), items.onCallAcks,
                registered.getPreviousVersion(), List.copyOf(items.holds.values()), List.copyOf(items.freezes.values()));
    }

    /**
     * The events a recorded decision was computed from: those whose id it cites, plus the
     * approval or waiver a cited revocation withdraws. An amended item is cited by its amendment (see the
     * class comment), so an amendment the evaluator had not yet seen is never pulled in.
     */
    public static List<SpecificRecord> cited(Collection<? extends SpecificRecord> events,
                                             Collection<String> evidenceIds) {
        Set<String> ids = new HashSet<>(evidenceIds);
        Set<String> revokedApprovalIds = new HashSet<>();
        Set<String> revokedWaiverIds = new HashSet<>();
        for (SpecificRecord event : events) {
            if (event instanceof ApprovalRevoked revoked && ids.contains(eventId(event))) {
                revokedApprovalIds.add(revoked.getApprovalId());
            } else if (event instanceof WaiverRevoked revoked && ids.contains(eventId(event))) {
                revokedWaiverIds.add(revoked.getWaiverId());
            }
        }
        List<SpecificRecord> cited = new ArrayList<>();
        for (SpecificRecord event : events) {
            boolean withdrawn = event instanceof ApprovalGranted granted
                    && revokedApprovalIds.contains(granted.getApprovalId())
                    || event instanceof ApprovalRejected rejected
                    && revokedApprovalIds.contains(rejected.getApprovalId())
                    || event instanceof WaiverGranted waiver && revokedWaiverIds.contains(waiver.getWaiverId());
            if (ids.contains(eventId(event)) || withdrawn) {
                cited.add(event);
            }
        }
        return cited;
    }

    /** The engine's sample for a recorded metric sample (its evidence id is {@code meta.eventId}). */
    public static MetricSample sample(MetricObserved observed) {
        return new MetricSample(eventId(observed), observed.getName(), observed.getValue(), observed.getObservedAt());
    }

    /** Whether an event is evidence for the release (same target; same version where it names one). */
    public static boolean concerns(ReleaseRegistered registered, SpecificRecord event) {
        if (isHold(event)) {
            return coveredByHold(registered.getTarget(), event);
        }
        if (!registered.getTarget().equals(target(event))) {
            return false;
        }
        String version = registered.getVersion();
        if (event instanceof CheckReported e) {
            return version.equals(e.getVersion());
        } else if (event instanceof AlertFired || event instanceof AlertResolved) {
            return true;
        } else if (event instanceof MetricObserved e) {
            return e.getVersion() == null || version.equals(e.getVersion());
        } else if (event instanceof ApprovalGranted e) {
            return version.equals(e.getVersion());
        } else if (event instanceof ApprovalRejected e) {
            return version.equals(e.getVersion());
        } else if (event instanceof ApprovalRevoked e) {
            return version.equals(e.getVersion());
        } else if (event instanceof WaiverGranted e) {
            return version.equals(e.getVersion());
        } else if (event instanceof WaiverRevoked e) {
            return version.equals(e.getVersion());
        } else if (event instanceof OnCallAcknowledged e) {
            return e.getVersion() == null || version.equals(e.getVersion());
        }
        return false;
    }

    /**
     * Whether a hold event ({@code HoldPlaced} or {@code HoldLifted}) concerns {@code target}: its
     * {@code target} field is a pattern ({@link TargetPattern}), so one hold concerns every target it
     * covers. A pattern that does not parse (never written by the approval service) covers nothing.
     */
    public static boolean coveredByHold(String target, SpecificRecord holdEvent) {
        String pattern = target(holdEvent);
        return TargetPattern.problem(pattern).isEmpty() && new TargetPattern(pattern).covers(target);
    }

    /**
     * Whether {@code event} is a runtime stop-the-line event (a hold or a freeze window, placed or
     * lifted), keyed by a target pattern rather than a target.
     */
    public static boolean isHold(SpecificRecord event) {
        return event instanceof HoldPlaced || event instanceof HoldLifted
                || event instanceof FreezeDeclared || event instanceof FreezeLifted;
    }

    /** The hold events of {@code events} that cover {@code target}. */
    public static List<SpecificRecord> holdsCovering(String target, Collection<? extends SpecificRecord> events) {
        List<SpecificRecord> covering = new ArrayList<>();
        for (SpecificRecord event : events) {
            if (isHold(event) && coveredByHold(target, event)) {
                covering.add(event);
            }
        }
        return covering;
    }

    /** {@code meta.eventId} of any Greenlight event. */
    public static String eventId(SpecificRecord event) {
        return meta(event).getEventId();
    }

    /** {@code meta} of any Greenlight event (every schema has it; TopicsTest enforces that). */
    public static EventMetadata meta(SpecificRecord event) {
        return (EventMetadata) event.get(event.getSchema().getField("meta").pos());
    }

    /** {@code target} of any Greenlight event. */
    public static String target(SpecificRecord event) {
        return event.get(event.getSchema().getField("target").pos()).toString();
    }

    /** Accumulates engine items; amendments are applied after every item is known. */
    private static final class Items {
        private final List<CheckResult> checks = new ArrayList<>();
        private final Map<String, Alert> alerts = new TreeMap<>();
        private final List<MetricSample> metrics = new ArrayList<>();
        private final Map<String, Approval> approvals = new TreeMap<>();
        private final Map<String, String> approvalItemByApprovalId = new HashMap<>();
        private final Map<String, Waiver> waivers = new TreeMap<>();
        private final Map<String, String> waiverItemByWaiverId = new HashMap<>();
        private final List<OnCallAck> onCallAcks = new ArrayList<>();
        private final Map<String, Hold> holds = new TreeMap<>();
        private final Map<String, String> holdItemByHoldId = new HashMap<>();
        private final Map<String, Freeze> freezes = new TreeMap<>();
        private final Map<String, String> freezeItemByFreezeId = new HashMap<>();

        void add(SpecificRecord event) {
            String id = eventId(event);
            if (event instanceof CheckReported e) {
                checks.add(new CheckResult(id, e.getName(), CheckStatus.valueOf(e.getStatus().name()),
                        e.getRevision(), e.getStartedAt(), e.getCompletedAt(), CheckDetailsFold.of(e)));
            } else if (event instanceof AlertFired e) {
                alerts.put(id, new Alert(id, e.getFingerprint(), e.getAlertName(),
                        Severity.valueOf(e.getSeverity().name()), e.getStartsAt(), null));
            } else if (event instanceof MetricObserved e) {
                metrics.add(sample(e));
            } else if (event instanceof ApprovalGranted e) {
                approvalItemByApprovalId.put(e.getApprovalId(), id);
                approvals.put(id, new Approval(id, e.getRole(), e.getApprover(), Verdict.APPROVE, e.getRevision(),
                        e.getMeta().getOccurredAt(), e.getExpiresAt(), false));
            } else if (event instanceof ApprovalRejected e) {
                approvalItemByApprovalId.put(e.getApprovalId(), id);
                approvals.put(id, new Approval(id, e.getRole(), e.getApprover(), Verdict.REJECT, e.getRevision(),
                        e.getMeta().getOccurredAt(), e.getExpiresAt(), false));
            } else if (event instanceof WaiverGranted e) {
                waiverItemByWaiverId.put(e.getWaiverId(), id);
                waivers.put(id, new Waiver(id, e.getCriterion(), e.getGrantedBy(), e.getRole(), e.getRationale(),
                        e.getMeta().getOccurredAt(), e.getExpiresAt()));
            } else if (event instanceof OnCallAcknowledged e) {
                onCallAcks.add(new OnCallAck(id, e.getEngineer(), e.getWindowStart(), e.getWindowEnd()));
            } else if (event instanceof HoldPlaced e) {
                holdItemByHoldId.putIfAbsent(e.getHoldId(), id);
                holds.put(id, new Hold(id, e.getName(), e.getTarget(), e.getReason(), e.getPlacedBy(),
                        e.getMeta().getOccurredAt()));
            } else if (event instanceof FreezeDeclared e) {
                freezeItemByFreezeId.putIfAbsent(e.getFreezeId(), id);
                freezes.put(id, freeze(id, e));
            }
        }

        private static Freeze freeze(String id, FreezeDeclared e) {
            // A release type this build does not know cannot be the release's type: skipping it
            // keeps an event from a newer writer readable.
            Set<ReleaseType> types = new TreeSet<>();
            for (String type : e.getOverrideReleaseTypes()) {
                try {
                    types.add(ReleaseType.valueOf(type));
                } catch (IllegalArgumentException unknown) {
                    // not a type of this build
                }
            }
            return new Freeze(id, e.getName(), e.getTarget(), e.getFrom(), e.getTo(), e.getReason(),
                    e.getDeclaredBy(), e.getMeta().getOccurredAt(), Set.copyOf(e.getOverrideRoles()), types);
        }

        void amend(SpecificRecord event) {
            if (event instanceof AlertResolved e) {
                resolve(e);
            } else if (event instanceof ApprovalRevoked e) {
                String item = approvalItemByApprovalId.get(e.getApprovalId());
                Approval approval = item == null ? null : approvals.get(item);
                if (approval != null && !approval.revoked()) {
                    approvals.remove(item);
                    approvalItemByApprovalId.put(e.getApprovalId(), eventId(e));
                    approvals.put(eventId(e), new Approval(eventId(e), approval.role(), approval.approver(),
                            approval.verdict(), approval.revision(), approval.at(), approval.expiresAt(), true));
                }
            } else if (event instanceof HoldLifted e) {
                // A lifted hold no longer stands: it leaves the evidence (and so the decision).
                String item = holdItemByHoldId.get(e.getHoldId());
                if (item != null) {
                    holds.remove(item);
                }
            } else if (event instanceof FreezeLifted e) {
                // A lifted freeze no longer stands, whether or not its window was over.
                String item = freezeItemByFreezeId.get(e.getFreezeId());
                if (item != null) {
                    freezes.remove(item);
                }
            } else if (event instanceof WaiverRevoked e) {
                String item = waiverItemByWaiverId.get(e.getWaiverId());
                Waiver waiver = item == null ? null : waivers.get(item);
                if (waiver != null && !waiver.revoked()) {
                    waivers.remove(item);
                    waiverItemByWaiverId.put(e.getWaiverId(), eventId(e));
                    waivers.put(eventId(e), new Waiver(eventId(e), waiver.criterion(), waiver.by(), waiver.role(),
                            waiver.rationale(), waiver.at(), waiver.expiresAt(), true));
                }
            }
        }

        private void resolve(AlertResolved e) {
            // Pairs with the firing of the same fingerprint and start; a resolution whose firing
            // was never seen still proves the alert fired and ended, so it becomes an item itself.
            Alert firing = alerts.values().stream()
                    .filter(a -> a.fingerprint().equals(e.getFingerprint()) && a.firedAt().equals(e.getStartsAt()))
                    .min(Comparator.comparing(Alert::id)).orElse(null);
            String id = eventId(e);
            if (firing == null || firing.resolvedAt() == null || e.getEndsAt().isBefore(firing.resolvedAt())) {
                if (firing != null) {
                    alerts.remove(firing.id());
                }
                alerts.put(id, new Alert(id, e.getFingerprint(), e.getAlertName(),
                        Severity.valueOf(e.getSeverity().name()), e.getStartsAt(), e.getEndsAt()));
            }
        }
    }
}
