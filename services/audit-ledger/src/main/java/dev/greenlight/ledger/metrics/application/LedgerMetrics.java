package dev.greenlight.ledger.metrics.application;

import dev.greenlight.ledger.index.IndexedEvent;
import dev.greenlight.ledger.index.LedgerListener;
import dev.greenlight.ledger.metrics.domain.MetricsReport;
import dev.greenlight.ledger.metrics.domain.ReleaseMetricsCalculator;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The release metrics, kept current as the index reads new ledger entries, and published as
 * Prometheus meters. Counters are functions of the calculator's state rather than incremented per
 * event: the state is rebuilt from the ledger on every start and applies each event once, so a restart
 * starts the counters from the ledger's truth (Prometheus sees an ordinary counter reset) and can
 * neither lose nor double an increment. The lead-time histogram observes each release once, when the
 * ledger first shows both its registration and its going live.
 */
@Service
public class LedgerMetrics implements LedgerListener {

    static final String RELEASES = "greenlight.releases";
    static final String LEAD_TIME = "greenlight.release.lead.time";
    static final String ROLLBACKS = "greenlight.rollbacks";
    static final String INCIDENTS = "greenlight.post.release.incidents";

    /** Histogram buckets fit for lead times that range from minutes (hotfix) to weeks (staged live-100). */
    private static final Duration[] LEAD_TIME_BUCKETS = {Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(4),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30)};

    private final MeterRegistry registry;
    private final ReleaseMetricsCalculator calculator;
    private final ReleaseFacts facts = new ReleaseFacts();
    private final Set<String> targetsWithMeters = new HashSet<>();
    private final Set<List<String>> rollbackMeters = new HashSet<>();

    public LedgerMetrics(MeterRegistry registry,
            @Value("${greenlight.ledger.metrics.incident-window:7d}") Duration incidentWindow) {
        this.registry = registry;
        this.calculator = new ReleaseMetricsCalculator(incidentWindow);
    }

    @Override
    public void appended(List<IndexedEvent> events) {
        Map<String, List<Duration>> leadTimes = new HashMap<>();
        Set<String> newTargets;
        Set<List<String>> newRollbacks;
        synchronized (this) {
            for (IndexedEvent event : events) {
                facts.of(event.event()).forEach(fact -> calculator.apply(fact).ifPresent(
                        leadTime -> leadTimes.computeIfAbsent(fact.target(), t -> new ArrayList<>()).add(leadTime)));
            }
            newTargets = new HashSet<>(calculator.targets());
            newTargets.removeAll(targetsWithMeters);
            targetsWithMeters.addAll(newTargets);
            newRollbacks = new HashSet<>(calculator.rollbackCounts().keySet());
            newRollbacks.removeAll(rollbackMeters);
            rollbackMeters.addAll(newRollbacks);
        }
        // Registered outside the lock: a scrape may hold the registry while it calls back into this object.
        newTargets.forEach(this::registerTargetMeters);
        newRollbacks.forEach(this::registerRollbackMeter);
        leadTimes.forEach((target, durations) -> durations.forEach(leadTimer(target)::record));
    }

    /**
     * Only the event kinds {@link ReleaseFacts} reads: after a restart the metrics are rebuilt from
     * these entries on disk, not from the whole ledger.
     */
    @Override
    public Set<String> replayTypes() {
        return ReleaseFacts.TYPES;
    }

    /** The report for {@code target} (null: all) over [from, to). */
    public synchronized MetricsReport report(String target, Instant from, Instant to) {
        return calculator.report(target, from, to);
    }

    private void registerTargetMeters(String target) {
        FunctionCounter.builder(RELEASES, this, metrics -> metrics.liveReleases(target))
                .description("Releases that went live (100 % traffic or rollout completed), from the audit ledger")
                .tag("target", target).register(registry);
        FunctionCounter.builder(INCIDENTS, this, metrics -> metrics.incidents(target))
                .description("PAGE alerts attributed to a release while it rolled out or within the incident window after it went live")
                .tag("target", target).register(registry);
        leadTimer(target);
    }

    private void registerRollbackMeter(List<String> labels) {
        FunctionCounter.builder(ROLLBACKS, this,
                        metrics -> metrics.rollbacks(labels))
                .description("RollbackTriggered events by breached guard (reason) and action, from the audit ledger")
                .tags("target", labels.get(0), "action", labels.get(1), "reason", labels.get(2)).register(registry);
    }

    private Timer leadTimer(String target) {
        return Timer.builder(LEAD_TIME)
                .description("Release registration to live, per release, from the audit ledger")
                .serviceLevelObjectives(LEAD_TIME_BUCKETS)
                .tag("target", target).register(registry);
    }

    private synchronized double liveReleases(String target) {
        return calculator.liveReleases(target);
    }

    private synchronized double incidents(String target) {
        return calculator.incidentCount(target);
    }

    private synchronized double rollbacks(List<String> labels) {
        return calculator.rollbackCounts().getOrDefault(labels, 0L);
    }
}
