package dev.greenlight.ledger.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * The release metrics of the operations guide for one period, computed from the ledger.
 *
 * @param target         the target asked for, or null for all
 * @param from           start of the period (inclusive), or null for the ledger's beginning
 * @param to             end of the period (exclusive), or null for open-ended
 * @param incidentWindow how long after going live a page still counts as a post-release incident
 * @param releases       release frequency
 * @param leadTime       registration to live, of the releases that went live in the period
 * @param rollbacks      rollback frequency and reasons
 * @param incidents      post-release incidents
 */
public record MetricsReport(String target, Instant from, Instant to, Duration incidentWindow, Releases releases,
        LeadTime leadTime, Rollbacks rollbacks, Incidents incidents) {

    /**
     * @param registered releases registered in the period
     * @param live       releases that went live in the period: the release frequency
     * @param byTarget   live releases per target
     * @param perWeek    live releases per ISO week ({@code 2026-W03}, UTC)
     * @param perMonth   live releases per month ({@code 2026-01}, UTC)
     */
    public record Releases(long registered, long live, SortedMap<String, Long> byTarget,
            SortedMap<String, Long> perWeek, SortedMap<String, Long> perMonth) {
    }

    /**
     * Percentiles are nearest-rank over the releases that went live in the period and whose registration
     * is recorded; all null when there are none.
     */
    public record LeadTime(long count, Long p50Seconds, Long p90Seconds, Long p95Seconds, Long maxSeconds,
            Long meanSeconds, List<LiveRelease> releases) {
    }

    /**
     * One release that went live, with its lead time (null when its registration is not in the
     * ledger, or when it was recorded live before it was registered — then {@code problem} says so
     * and the release is left out of the lead-time figures rather than counted negative).
     */
    public record LiveRelease(String target, String version, Instant registeredAt, Instant liveAt,
            Long leadTimeSeconds, String problem) {
    }

    /**
     * @param total    RollbackTriggered events in the period (pauses included; see byAction)
     * @param byAction per action: PAUSE, ROLLBACK, KILL
     * @param byReason per breached guard
     * @param byTarget per target
     * @param perWeek  per ISO week
     * @param perMonth per month
     */
    public record Rollbacks(long total, SortedMap<String, Long> byAction, SortedMap<String, Long> byReason,
            SortedMap<String, Long> byTarget, SortedMap<String, Long> perWeek, SortedMap<String, Long> perMonth) {
    }

    /**
     * @param total            post-release incidents whose page began in the period
     * @param releasesAffected distinct releases with at least one of them
     * @param byTarget         per target
     * @param items            each incident: the release it is attributed to, the alert and when it began
     */
    public record Incidents(long total, long releasesAffected, SortedMap<String, Long> byTarget,
            List<Incident> items) {
    }

    /** A page attributed to a release. */
    public record Incident(String target, String version, String fingerprint, Instant at) {
    }
}
