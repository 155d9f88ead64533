package dev.greenlight.ledger.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The release metrics of the operations guide, folded incrementally from ledger facts (docs/ledger.md,
 * "Release metrics", defines each one). Facts may arrive in any order between targets; the report is
 * computed from the accumulated timelines, so it does not depend on that order. An event recorded twice
 * (same event id) is applied once, which, together with rebuilding from the ledger on every start, keeps
 * a restart from counting anything twice.
 *
 * <p>Not thread-safe: the caller serialises {@link #apply} and the queries.
 */
public final class ReleaseMetricsCalculator {

    private static final int FULL_TRAFFIC = 100;

    private final Duration incidentWindow;
    private final Set<String> seen = new HashSet<>();
    /** target → version → timeline, in order of first appearance. */
    private final Map<String, Map<String, Timeline>> releases = new LinkedHashMap<>();
    private final List<ReleaseFact.RolledBack> rollbacks = new ArrayList<>();
    private final Map<String, List<ReleaseFact.PageAlert>> pages = new HashMap<>();

    /** @param incidentWindow how long after going live a page still counts against the release */
    public ReleaseMetricsCalculator(Duration incidentWindow) {
        if (incidentWindow.isNegative()) {
            throw new IllegalArgumentException("incident window must not be negative");
        }
        this.incidentWindow = incidentWindow;
    }

    /**
     * Applies one fact.
     *
     * @return the release's lead time when this fact completed it (registration and live both known for
     *         the first time), so a histogram can observe each release exactly once
     */
    public Optional<Duration> apply(ReleaseFact fact) {
        if (!seen.add(fact.getClass().getSimpleName() + ":" + fact.eventId())) {
            return Optional.empty();
        }
        Timeline timeline;
        if (fact instanceof ReleaseFact.Registered r) {
            timeline = timeline(r.target(), r.version());
            timeline.registered(r.at());
        } else if (fact instanceof ReleaseFact.TrafficShifted t) {
            timeline = timeline(t.target(), t.version());
            if (t.trafficPercent() > 0) {
                timeline.exposed(t.at());
            }
            if (t.confirmed() && t.trafficPercent() >= FULL_TRAFFIC) {
                timeline.live(t.at());
            }
        } else if (fact instanceof ReleaseFact.RolloutFinished f) {
            timeline = timeline(f.target(), f.version());
            timeline.live(f.at());
        } else if (fact instanceof ReleaseFact.RolledBack r) {
            rollbacks.add(r);
            timeline = timeline(r.target(), r.version());
            if (r.stopsExposure()) {
                timeline.stopped(r.at());
            }
        } else {
            ReleaseFact.PageAlert p = (ReleaseFact.PageAlert) fact;
            pages.computeIfAbsent(p.target(), t -> new ArrayList<>()).add(p);
            return Optional.empty();
        }
        return timeline.leadTimeOnce();
    }

    /** The metrics of {@code target} (null: all) for the period [from, to) (null bounds: open). */
    public MetricsReport report(String target, Instant from, Instant to) {
        Predicate<Instant> inPeriod = at -> at != null && (from == null || !at.isBefore(from))
                && (to == null || at.isBefore(to));
        List<ReleaseTimeline> timelines = timelines(target);

        long registered = timelines.stream().filter(t -> inPeriod.test(t.registeredAt())).count();
        List<ReleaseTimeline> live = timelines.stream().filter(t -> inPeriod.test(t.liveAt()))
                .sorted(Comparator.comparing(ReleaseTimeline::liveAt)).toList();
        SortedMap<String, Long> liveByTarget = new TreeMap<>();
        SortedMap<String, Long> livePerWeek = new TreeMap<>();
        SortedMap<String, Long> livePerMonth = new TreeMap<>();
        for (ReleaseTimeline t : live) {
            liveByTarget.merge(t.target(), 1L, Long::sum);
            livePerWeek.merge(week(t.liveAt()), 1L, Long::sum);
            livePerMonth.merge(month(t.liveAt()), 1L, Long::sum);
        }
        MetricsReport.Releases frequency = new MetricsReport.Releases(registered, live.size(), liveByTarget,
                livePerWeek, livePerMonth);

        List<ReleaseFact.RolledBack> stopped = rollbacks.stream()
                .filter(r -> target == null || r.target().equals(target)).filter(r -> inPeriod.test(r.at())).toList();
        SortedMap<String, Long> byAction = new TreeMap<>();
        SortedMap<String, Long> byReason = new TreeMap<>();
        SortedMap<String, Long> rollbacksByTarget = new TreeMap<>();
        SortedMap<String, Long> rollbacksPerWeek = new TreeMap<>();
        SortedMap<String, Long> rollbacksPerMonth = new TreeMap<>();
        for (ReleaseFact.RolledBack r : stopped) {
            byAction.merge(r.action(), 1L, Long::sum);
            byReason.merge(r.guard(), 1L, Long::sum);
            rollbacksByTarget.merge(r.target(), 1L, Long::sum);
            rollbacksPerWeek.merge(week(r.at()), 1L, Long::sum);
            rollbacksPerMonth.merge(month(r.at()), 1L, Long::sum);
        }
        MetricsReport.Rollbacks rollbackReport = new MetricsReport.Rollbacks(stopped.size(), byAction, byReason,
                rollbacksByTarget, rollbacksPerWeek, rollbacksPerMonth);

        List<MetricsReport.Incident> incidents = incidents(target).stream().filter(i -> inPeriod.test(i.at()))
                .toList();
        SortedMap<String, Long> incidentsByTarget = new TreeMap<>();
        incidents.forEach(i -> incidentsByTarget.merge(i.target(), 1L, Long::sum));
        long affected = incidents.stream().map(i -> i.target() + "@" + i.version()).distinct().count();

        return new MetricsReport(target, from, to, incidentWindow, frequency, leadTime(live), rollbackReport,
                new MetricsReport.Incidents(incidents.size(), affected, incidentsByTarget, incidents));
    }

    /** Every target with at least one fact. */
    public Set<String> targets() {
        Set<String> targets = new HashSet<>(releases.keySet());
        targets.addAll(pages.keySet());
        return targets;
    }

    /** Releases of {@code target} that went live, ever. */
    public long liveReleases(String target) {
        return timelines(target).stream().filter(t -> t.liveAt() != null).count();
    }

    /** Rollback events per (target, action, guard), ever: the labels of the rollback counter. */
    public Map<List<String>, Long> rollbackCounts() {
        Map<List<String>, Long> counts = new HashMap<>();
        rollbacks.forEach(r -> counts.merge(List.of(r.target(), r.action(), r.guard()), 1L, Long::sum));
        return counts;
    }

    /** Post-release incidents of {@code target}, ever. */
    public long incidentCount(String target) {
        return incidents(target).size();
    }

    /**
     * Each PAGE alert of a target is attributed to the target's release most recently exposed when the
     * alert began, if it began before that release's window closed: {@code liveAt + incidentWindow} for a
     * live release, the rollback for one stopped before going live, open while the rollout runs. One
     * incident per release and alert fingerprint, so a flapping alert counts once.
     */
    private List<MetricsReport.Incident> incidents(String target) {
        List<MetricsReport.Incident> incidents = new ArrayList<>();
        for (Map.Entry<String, List<ReleaseFact.PageAlert>> alerts : pages.entrySet()) {
            if (target != null && !alerts.getKey().equals(target)) {
                continue;
            }
            List<ReleaseTimeline> exposed = timelines(alerts.getKey()).stream().filter(t -> t.exposedAt() != null)
                    .sorted(Comparator.comparing(ReleaseTimeline::exposedAt)).toList();
            Set<String> counted = new HashSet<>();
            alerts.getValue().stream().sorted(Comparator.comparing(ReleaseFact.PageAlert::at)).forEach(alert -> {
                ReleaseTimeline release = null;
                for (ReleaseTimeline t : exposed) {
                    if (!t.exposedAt().isAfter(alert.at())) {
                        release = t;
                    }
                }
                if (release != null && !alert.at().isAfter(windowEnd(release))
                        && counted.add(release.version() + "\n" + alert.fingerprint())) {
                    incidents.add(new MetricsReport.Incident(release.target(), release.version(),
                            alert.fingerprint(), alert.at()));
                }
            });
        }
        incidents.sort(Comparator.comparing(MetricsReport.Incident::at));
        return incidents;
    }

    private Instant windowEnd(ReleaseTimeline release) {
        if (release.liveAt() != null) {
            return release.liveAt().plus(incidentWindow);
        }
        return release.stoppedAt() != null ? release.stoppedAt() : Instant.MAX;
    }

    private static MetricsReport.LeadTime leadTime(List<ReleaseTimeline> live) {
        List<MetricsReport.LiveRelease> items = live.stream()
                .map(t -> new MetricsReport.LiveRelease(t.target(), t.version(), t.registeredAt(), t.liveAt(),
                        t.leadTime().map(Duration::toSeconds).orElse(null), t.clockFault()
                                ? "recorded live before it was registered: the deployer's clock disagrees with the services'"
                                : null))
                .toList();
        long[] seconds = items.stream().filter(i -> i.leadTimeSeconds() != null)
                .mapToLong(MetricsReport.LiveRelease::leadTimeSeconds).sorted().toArray();
        if (seconds.length == 0) {
            return new MetricsReport.LeadTime(0, null, null, null, null, null, items);
        }
        long sum = 0;
        for (long s : seconds) {
            sum += s;
        }
        return new MetricsReport.LeadTime(seconds.length, nearestRank(seconds, 50), nearestRank(seconds, 90),
                nearestRank(seconds, 95), seconds[seconds.length - 1], sum / seconds.length, items);
    }

    /** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
    static long nearestRank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private List<ReleaseTimeline> timelines(String target) {
        List<ReleaseTimeline> out = new ArrayList<>();
        releases.forEach((t, versions) -> {
            if (target == null || t.equals(target)) {
                versions.values().forEach(timeline -> out.add(timeline.snapshot()));
            }
        });
        return out;
    }

    private Timeline timeline(String target, String version) {
        return releases.computeIfAbsent(target, t -> new LinkedHashMap<>())
                .computeIfAbsent(version, v -> new Timeline(target, v));
    }

    static String week(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return String.format("%d-W%02d", utc.get(IsoFields.WEEK_BASED_YEAR), utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }

    /** The mutable side of a {@link ReleaseTimeline}: every instant keeps the earliest value seen. */
    private static final class Timeline {
        private final String target;
        private final String version;
        private Instant registeredAt;
        private Instant exposedAt;
        private Instant liveAt;
        private Instant stoppedAt;
        private boolean leadTimeReported;

        Timeline(String target, String version) {
            this.target = target;
            this.version = version;
        }

        void registered(Instant at) {
            registeredAt = earliest(registeredAt, at);
        }

        void exposed(Instant at) {
            exposedAt = earliest(exposedAt, at);
        }

        void live(Instant at) {
            liveAt = earliest(liveAt, at);
            exposed(at);
        }

        void stopped(Instant at) {
            stoppedAt = earliest(stoppedAt, at);
        }

        Optional<Duration> leadTimeOnce() {
            if (leadTimeReported || registeredAt == null || liveAt == null) {
                return Optional.empty();
            }
            leadTimeReported = true;
            return snapshot().leadTime(); // none for a release "live before registered": a clock fault
        }

        ReleaseTimeline snapshot() {
            return new ReleaseTimeline(target, version, registeredAt, exposedAt, liveAt, stoppedAt);
        }

        private static Instant earliest(Instant current, Instant candidate) {
            return current == null || candidate.isBefore(current) ? candidate : current;
        }
    }
}
