package dev.greenlight.ledger.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.metrics.domain.ReleaseFact.PageAlert;
import dev.greenlight.ledger.metrics.domain.ReleaseFact.Registered;
import dev.greenlight.ledger.metrics.domain.ReleaseFact.RolledBack;
import dev.greenlight.ledger.metrics.domain.ReleaseFact.RolloutFinished;
import dev.greenlight.ledger.metrics.domain.ReleaseFact.TrafficShifted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The release metrics as the operations guide means them, from ledger facts (given / when / then). */
class ReleaseMetricsCalculatorTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z"); // Monday of ISO week 2026-W02
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ReleaseMetricsCalculator metrics = new ReleaseMetricsCalculator(Duration.ofDays(7));

    private static String id() {
        return "evt-" + IDS.incrementAndGet();
    }

    private static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    private void given(ReleaseFact... facts) {
        for (ReleaseFact fact : facts) {
            metrics.apply(fact);
        }
    }

    private static ReleaseFact[] liveRelease(String target, String version, Instant registered, Duration leadTime) {
        return new ReleaseFact[] {new Registered(id(), target, version, registered),
                new TrafficShifted(id(), target, version, 10, registered.plus(leadTime.dividedBy(2)), true),
                new TrafficShifted(id(), target, version, 100, registered.plus(leadTime), true)};
    }

    @Test
    void releaseGoesLiveWhenOneHundredPercentIsAppliedAndLeadTimeRunsFromRegistration() {
        given(new Registered(id(), "ict-qm", "1.0.0", T0),
                new TrafficShifted(id(), "ict-qm", "1.0.0", 10, at(Duration.ofHours(1)), true),
                new TrafficShifted(id(), "ict-qm", "1.0.0", 100, at(Duration.ofHours(3)), false));

        Optional<Duration> measured = metrics.apply(
                new TrafficShifted(id(), "ict-qm", "1.0.0", 100, at(Duration.ofHours(5)), true));
        MetricsReport report = metrics.report(null, null, null);

        assertThat(measured).contains(Duration.ofHours(5));
        assertThat(report.releases().live()).isEqualTo(1);
        assertThat(report.releases().perWeek()).containsExactly(Map.entry("2026-W02", 1L));
        assertThat(report.releases().perMonth()).containsExactly(Map.entry("2026-01", 1L));
        assertThat(report.leadTime().p50Seconds()).isEqualTo(Duration.ofHours(5).toSeconds());
    }

    @Test
    void aStartedStepAtOneHundredPercentIsNotLiveUntilAppliedOrCompleted() {
        given(new Registered(id(), "ict-qm", "1.0.0", T0),
                new TrafficShifted(id(), "ict-qm", "1.0.0", 100, at(Duration.ofHours(1)), false));

        assertThat(metrics.report(null, null, null).releases().live()).isZero();
        assertThat(metrics.report(null, null, null).releases().registered()).isEqualTo(1);
    }

    @Test
    void aRolloutCompletedBelowOneHundredPercentIsLive() {
        given(new Registered(id(), "rl-policy", "2.0.0", T0),
                new RolloutFinished(id(), "rl-policy", "2.0.0", 10, at(Duration.ofHours(2))));

        MetricsReport report = metrics.report("rl-policy", null, null);

        assertThat(report.releases().live()).isEqualTo(1);
        assertThat(report.leadTime().maxSeconds()).isEqualTo(7200);
    }

    @Test
    void leadTimePercentilesAreNearestRankOverReleasesLiveInThePeriod() {
        for (int hours = 1; hours <= 10; hours++) {
            given(liveRelease("ict-qm", "1.0." + hours, T0, Duration.ofHours(hours)));
        }
        given(liveRelease("ict-qm", "9.9.9", T0.plus(Duration.ofDays(40)), Duration.ofHours(99)));

        MetricsReport january = metrics.report("ict-qm", T0, Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(january.leadTime().count()).isEqualTo(10);
        assertThat(january.leadTime().p50Seconds()).isEqualTo(5 * 3600);
        assertThat(january.leadTime().p90Seconds()).isEqualTo(9 * 3600);
        assertThat(january.leadTime().p95Seconds()).isEqualTo(10 * 3600);
        assertThat(january.leadTime().meanSeconds()).isEqualTo(5 * 3600 + 1800);
        assertThat(metrics.report("ict-qm", null, null).releases().perMonth())
                .containsExactly(Map.entry("2026-01", 10L), Map.entry("2026-02", 1L));
    }

    @Test
    void frequencyIsCountedPerTargetAndOverall() {
        given(liveRelease("ict-qm", "1.0.0", T0, Duration.ofHours(1)));
        given(liveRelease("ict-qm", "1.1.0", T0.plus(Duration.ofDays(7)), Duration.ofHours(1)));
        given(liveRelease("trade-nexus", "3.0.0", T0, Duration.ofHours(1)));

        MetricsReport all = metrics.report(null, null, null);

        assertThat(all.releases().live()).isEqualTo(3);
        assertThat(all.releases().byTarget()).containsExactly(Map.entry("ict-qm", 2L), Map.entry("trade-nexus", 1L));
        assertThat(all.releases().perWeek()).containsExactly(Map.entry("2026-W02", 2L), Map.entry("2026-W03", 1L));
        assertThat(metrics.report("trade-nexus", null, null).releases().live()).isEqualTo(1);
    }

    @Test
    void anEventRecordedTwiceCountsOnce() {
        Registered registered = new Registered("same", "ict-qm", "1.0.0", T0);
        RolledBack rollback = new RolledBack("rb", "ict-qm", "1.0.0", "ROLLBACK", "page-alert", at(Duration.ofHours(1)));

        given(registered, registered, rollback, rollback);

        MetricsReport report = metrics.report(null, null, null);
        assertThat(report.releases().registered()).isEqualTo(1);
        assertThat(report.rollbacks().total()).isEqualTo(1);
    }

    @Test
    void leadTimeIsObservedOnceEvenWhenTheReleaseIsConfirmedLiveAgain() {
        given(new Registered(id(), "ict-qm", "1.0.0", T0),
                new TrafficShifted(id(), "ict-qm", "1.0.0", 100, at(Duration.ofHours(1)), true));

        Optional<Duration> again = metrics.apply(
                new RolloutFinished(id(), "ict-qm", "1.0.0", 100, at(Duration.ofDays(14))));

        assertThat(again).isEmpty();
        assertThat(metrics.report(null, null, null).leadTime().maxSeconds()).isEqualTo(3600);
    }

    @Test
    void aReleaseRecordedLiveBeforeItWasRegisteredIsAClockFaultNotANegativeLeadTime() {
        // A deployer stamping with the wall clock while the stack runs days ahead.
        given(new Registered(id(), "ok", "1.0.0", T0),
                new TrafficShifted(id(), "ok", "1.0.0", 100, at(Duration.ofHours(2)), true));
        Optional<Duration> observed = metrics.apply(new Registered(id(), "skewed", "1.0.0", at(Duration.ofDays(3))));
        Optional<Duration> skewed = metrics.apply(
                new TrafficShifted(id(), "skewed", "1.0.0", 100, at(Duration.ofHours(1)), true));

        assertThat(observed).isEmpty();
        assertThat(skewed).as("nothing negative reaches the lead-time timer").isEmpty();
        MetricsReport.LeadTime leadTime = metrics.report(null, null, null).leadTime();
        assertThat(leadTime.count()).isEqualTo(1);
        assertThat(leadTime.p50Seconds()).isEqualTo(7200);
        assertThat(leadTime.releases()).filteredOn(r -> r.target().equals("skewed")).singleElement()
                .satisfies(r -> {
                    assertThat(r.leadTimeSeconds()).isNull();
                    assertThat(r.problem()).contains("live before it was registered");
                });
    }

    @Test
    void rollbacksAreCountedByActionReasonAndTarget() {
        given(new RolledBack(id(), "ict-qm", "1.0.0", "ROLLBACK", "live-errors-max", at(Duration.ofHours(1))),
                new RolledBack(id(), "ict-qm", "1.1.0", "PAUSE", "cost-spike", at(Duration.ofHours(2))),
                new RolledBack(id(), "rl-policy", "2.0.0", "KILL", "live-errors-max", at(Duration.ofDays(30))));

        MetricsReport.Rollbacks january = metrics.report(null, null, Instant.parse("2026-02-01T00:00:00Z")).rollbacks();

        assertThat(january.total()).isEqualTo(2);
        assertThat(january.byAction()).containsExactly(Map.entry("PAUSE", 1L), Map.entry("ROLLBACK", 1L));
        assertThat(january.byReason()).containsExactly(Map.entry("cost-spike", 1L), Map.entry("live-errors-max", 1L));
        assertThat(metrics.rollbackCounts()).containsEntry(List.of("rl-policy", "KILL", "live-errors-max"), 1L);
    }

    @Test
    void pagesDuringTheRolloutAndWithinTheWindowAfterLiveAreIncidentsOfThatRelease() {
        given(liveRelease("ict-qm", "1.0.0", T0, Duration.ofHours(4)));
        Instant live = at(Duration.ofHours(4));

        given(new PageAlert(id(), "ict-qm", "during-rollout", at(Duration.ofHours(3))),
                new PageAlert(id(), "ict-qm", "day-six", live.plus(Duration.ofDays(6))),
                new PageAlert(id(), "ict-qm", "too-late", live.plus(Duration.ofDays(8))),
                new PageAlert(id(), "ict-qm", "before-exposure", T0.minus(Duration.ofHours(1))),
                new PageAlert(id(), "other", "other-target", at(Duration.ofHours(3))));

        MetricsReport.Incidents incidents = metrics.report("ict-qm", null, null).incidents();

        assertThat(incidents.items()).extracting(MetricsReport.Incident::fingerprint)
                .containsExactly("during-rollout", "day-six");
        assertThat(incidents.releasesAffected()).isEqualTo(1);
        assertThat(metrics.incidentCount("other")).isZero();
    }

    @Test
    void aFlappingAlertIsOneIncident() {
        given(liveRelease("ict-qm", "1.0.0", T0, Duration.ofHours(1)));

        given(new PageAlert(id(), "ict-qm", "flap", at(Duration.ofHours(2))),
                new PageAlert(id(), "ict-qm", "flap", at(Duration.ofHours(3))));

        assertThat(metrics.incidentCount("ict-qm")).isEqualTo(1);
    }

    @Test
    void aPageIsAttributedToTheMostRecentlyExposedRelease() {
        given(liveRelease("ict-qm", "1.0.0", T0, Duration.ofHours(1)));
        given(new Registered(id(), "ict-qm", "1.1.0", at(Duration.ofDays(1))),
                new TrafficShifted(id(), "ict-qm", "1.1.0", 10, at(Duration.ofDays(2)), false));

        given(new PageAlert(id(), "ict-qm", "new-canary", at(Duration.ofDays(2).plusHours(1))));

        assertThat(metrics.report("ict-qm", null, null).incidents().items())
                .extracting(MetricsReport.Incident::version).containsExactly("1.1.0");
    }

    @Test
    void aReleaseStoppedBeforeGoingLiveIsNoLongerBlamedAfterItsRollback() {
        given(new Registered(id(), "ict-qm", "1.1.0", T0),
                new TrafficShifted(id(), "ict-qm", "1.1.0", 10, at(Duration.ofHours(1)), true),
                new RolledBack(id(), "ict-qm", "1.1.0", "ROLLBACK", "page-alert", at(Duration.ofHours(2))));

        given(new PageAlert(id(), "ict-qm", "cause", at(Duration.ofMinutes(90))),
                new PageAlert(id(), "ict-qm", "after", at(Duration.ofHours(3))));

        assertThat(metrics.report(null, null, null).incidents().items())
                .extracting(MetricsReport.Incident::fingerprint).containsExactly("cause");
    }

    @Test
    void factsArrivingInAnotherOrderGiveTheSameReport() {
        ReleaseFact[] release = liveRelease("ict-qm", "1.0.0", T0, Duration.ofHours(2));
        ReleaseFact page = new PageAlert(id(), "ict-qm", "p", at(Duration.ofHours(3)));
        ReleaseMetricsCalculator reversed = new ReleaseMetricsCalculator(Duration.ofDays(7));
        reversed.apply(page);
        for (int i = release.length - 1; i >= 0; i--) {
            reversed.apply(release[i]);
        }

        given(release);
        given(page);

        assertThat(reversed.report(null, null, null)).isEqualTo(metrics.report(null, null, null));
    }
}
