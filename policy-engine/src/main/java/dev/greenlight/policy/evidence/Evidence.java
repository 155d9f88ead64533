package dev.greenlight.policy.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything known about one release at one moment, as an immutable value. The constructor
 * keeps one item per id and sorts every list by id, so two snapshots of the same events in any
 * arrival order, with any redeliveries, are equal and evaluate identically.
 *
 * @param previousVersion the version currently released for the target; null if none
 * @param holds           the named holds standing over the release (placed, not lifted, covering its target)
 * @param freezes         the runtime freeze windows declared (not lifted) over its target, active or not
 */
public record Evidence(Release release, List<CheckResult> checks, List<Alert> alerts, List<MetricSample> metrics,
                       List<Approval> approvals, List<Waiver> waivers, List<OnCallAck> onCallAcks,
                       String previousVersion, List<Hold> holds, List<Freeze> freezes) {

    public Evidence {
        checks = canonical(checks);
        alerts = canonical(alerts);
        metrics = canonical(metrics);
        approvals = canonical(approvals);
        waivers = canonical(waivers);
        onCallAcks = canonical(onCallAcks);
        holds = canonical(holds == null ? List.of() : holds);
        freezes = canonical(freezes == null ? List.of() : freezes);
    }

    /** Evidence under no runtime freeze. */
    public Evidence(Release release, List<CheckResult> checks, List<Alert> alerts, List<MetricSample> metrics,
                    List<Approval> approvals, List<Waiver> waivers, List<OnCallAck> onCallAcks,
                    String previousVersion, List<Hold> holds) {
        this(release, checks, alerts, metrics, approvals, waivers, onCallAcks, previousVersion, holds, List.of());
    }

    /** Evidence under no hold. */
    public Evidence(Release release, List<CheckResult> checks, List<Alert> alerts, List<MetricSample> metrics,
                    List<Approval> approvals, List<Waiver> waivers, List<OnCallAck> onCallAcks,
                    String previousVersion) {
        this(release, checks, alerts, metrics, approvals, waivers, onCallAcks, previousVersion, List.of());
    }

    public static Evidence of(Release release) {
        return new Evidence(release, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    /** Ids of every item in the snapshot, the release included, sorted ascending. */
    public List<String> evidenceIds() {
        // Computed for every decision over every item: one array sort (each list is already
        // sorted, which the sort exploits) and one pass are much cheaper than a tree set.
        List<String> all = new ArrayList<>();
        all.add(release.id());
        Stream.of(checks, alerts, metrics, approvals, waivers, onCallAcks, holds, freezes)
                .flatMap(Collection::stream)
                .map(EvidenceItem::id)
                .forEach(all::add);
        String[] sorted = all.toArray(String[]::new);
        Arrays.sort(sorted);
        List<String> ids = new ArrayList<>(sorted.length);
        for (String id : sorted) {
            if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
                ids.add(id);
            }
        }
        return Collections.unmodifiableList(ids);
    }

    public Evidence withChecks(List<CheckResult> more) {
        return new Evidence(release, concat(checks, more), alerts, metrics, approvals, waivers, onCallAcks,
                previousVersion, holds, freezes);
    }

    public Evidence withAlerts(List<Alert> more) {
        return new Evidence(release, checks, concat(alerts, more), metrics, approvals, waivers, onCallAcks,
                previousVersion, holds, freezes);
    }

    public Evidence withMetrics(List<MetricSample> more) {
        return new Evidence(release, checks, alerts, concat(metrics, more), approvals, waivers, onCallAcks,
                previousVersion, holds, freezes);
    }

    public Evidence withApprovals(List<Approval> more) {
        return new Evidence(release, checks, alerts, metrics, concat(approvals, more), waivers, onCallAcks,
                previousVersion, holds, freezes);
    }

    public Evidence withWaivers(List<Waiver> more) {
        return new Evidence(release, checks, alerts, metrics, approvals, concat(waivers, more), onCallAcks,
                previousVersion, holds, freezes);
    }

    public Evidence withOnCallAcks(List<OnCallAck> more) {
        return new Evidence(release, checks, alerts, metrics, approvals, waivers, concat(onCallAcks, more),
                previousVersion, holds, freezes);
    }

    public Evidence withPreviousVersion(String version) {
        return new Evidence(release, checks, alerts, metrics, approvals, waivers, onCallAcks, version, holds, freezes);
    }

    public Evidence withHolds(List<Hold> more) {
        return new Evidence(release, checks, alerts, metrics, approvals, waivers, onCallAcks, previousVersion,
                concat(holds, more), freezes);
    }

    public Evidence withFreezes(List<Freeze> more) {
        return new Evidence(release, checks, alerts, metrics, approvals, waivers, onCallAcks, previousVersion,
                holds, concat(freezes, more));
    }

    /** The same evidence for another release record (a test case that changes the revision, say). */
    public Evidence withRelease(Release other) {
        return new Evidence(other, checks, alerts, metrics, approvals, waivers, onCallAcks, previousVersion,
                holds, freezes);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T extends EvidenceItem> List<T> canonical(List<T> items) {
        // Items with one id are redeliveries of one event and should be equal; should they differ
        // anyway, keeping the greatest rendering still makes the choice independent of order.
        Map<String, T> byId = new HashMap<>();
        for (T item : items) {
            byId.merge(item.id(), item, (a, b) -> a.toString().compareTo(b.toString()) >= 0 ? a : b);
        }
        return byId.values().stream().sorted(Comparator.comparing(EvidenceItem::id)).toList();
    }
}
