package dev.greenlight.evidence;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.fired;
import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** What the evaluator may forget without any policy noticing. */
class EvidenceRetentionTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(72);
    private final EvidenceRetention retention = new EvidenceRetention(Duration.ofHours(48), Duration.ofHours(24));

    @Test
    void oldMetricSamplesGoButTheLatestOfEachSeriesStays() {
        SpecificRecord old = metric("m1", "t", null, "entropy", 0.9, NOW.minus(HORIZON).minusSeconds(2));
        SpecificRecord latestOld = metric("m2", "t", null, "entropy", 0.9, NOW.minus(HORIZON).minusSeconds(1));
        SpecificRecord otherSeries = metric("m3", "t", null, "burn", 10, NOW.minus(HORIZON).minusSeconds(5));
        SpecificRecord recent = metric("m4", "t", null, "burn", 10, NOW.minus(HORIZON));

        assertThat(retention.expired(List.of(old, latestOld, otherSeries, recent), NOW))
                .containsExactlyInAnyOrder(old, otherSeries);
    }

    @Test
    void anAlertGoesWithItsResolutionOnlyOnceResolvedBeyondTheHorizonAndAFiringOneNever() {
        Instant longAgo = NOW.minus(Duration.ofDays(30));
        SpecificRecord firing = fired("a1", "t", "old", AlertSeverity.PAGE, longAgo);
        SpecificRecord resolution = resolved("a2", "t", "old", AlertSeverity.PAGE, longAgo, longAgo.plusSeconds(60));
        SpecificRecord stillFiring = fired("a3", "t", "stuck", AlertSeverity.PAGE, longAgo);
        SpecificRecord recentlyResolved = resolved("a4", "t", "new", AlertSeverity.PAGE, longAgo, NOW.minusSeconds(60));
        SpecificRecord approval = approval("p1", "t", "1.0.0", "ap", "founder", "erin", longAgo, null);

        assertThat(retention.expired(List.of(firing, resolution, stillFiring, recentlyResolved, approval), NOW))
                .containsExactlyInAnyOrder(firing, resolution);
    }

    @Test
    void guardsKeepTheLatestSampleOfEachSeriesAndEveryAlertNotResolvedYet() {
        EvidenceRetention guards = EvidenceRetention.forGuards();
        SpecificRecord older = metric("m1", "t", null, "errors", 1, NOW.minusSeconds(60));
        SpecificRecord latest = metric("m2", "t", null, "errors", 2, NOW.minusSeconds(30));
        SpecificRecord otherVersion = metric("m3", "t", "2.0.0", "errors", 3, NOW.minusSeconds(90));
        SpecificRecord firing = fired("a1", "t", "fp1", AlertSeverity.PAGE, NOW.minus(Duration.ofDays(30)));
        SpecificRecord firedThenResolved = fired("a2", "t", "fp2", AlertSeverity.PAGE, NOW.minusSeconds(600));
        SpecificRecord resolution = resolved("a3", "t", "fp2", AlertSeverity.PAGE, NOW.minusSeconds(600),
                NOW.minusSeconds(1));

        assertThat(guards.expired(List.of(older, latest, otherVersion, firing, firedThenResolved, resolution), NOW))
                .containsExactlyInAnyOrder(older, firedThenResolved, resolution);
    }
}
