package dev.greenlight.ledger.metrics.application;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.GateDecided;
import dev.greenlight.ledger.index.IndexedEvent;
import dev.greenlight.ledger.index.LedgerListener;
import dev.greenlight.ledger.metrics.domain.DeliveryState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Service;

/**
 * The meters a delivery dashboard is built from, fed from the ledger like {@link LedgerMetrics}
 * (rebuilt from the ledger at every start, so a restart neither loses nor doubles a count):
 * <ul>
 *   <li>{@value #DECISIONS} — a counter of recorded gate decisions by {@code target}, {@code stage},
 *       {@code kind} (stage or checkpoint) and {@code outcome};</li>
 *   <li>{@value #STAGE_INFO} — an info gauge (value 1) per {@code target} and {@code stage} naming the
 *       {@code version} and {@code outcome} of the stage's current decision; a new version or outcome
 *       replaces the series, so one series per target and stage exists at a time;</li>
 *   <li>{@value #TRAFFIC} — the traffic share last commanded to the deployers, per {@code target}.</li>
 * </ul>
 * Guard trips are {@code greenlight_rollbacks_total} ({@link LedgerMetrics}). Every label is bounded
 * by the targets, the policies' stages and the outcomes; the version appears only on the info gauge,
 * one series per stage.
 */
@Service
public class DeliveryMetrics implements LedgerListener {

    static final String DECISIONS = "greenlight.gate.decisions";
    static final String STAGE_INFO = "greenlight.release.stage.info";
    static final String TRAFFIC = "greenlight.rollout.traffic.percent";

    private static final Set<String> TYPES = Set.of(GateDecided.getClassSchema().getFullName(),
            DeploymentCommand.getClassSchema().getFullName());

    private final MeterRegistry registry;
    private final DeliveryState state = new DeliveryState();
    private final Set<List<String>> decisionMeters = new HashSet<>();
    private final Set<String> trafficMeters = new HashSet<>();
    private final Map<List<String>, Meter> stageInfo = new HashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void appended(List<IndexedEvent> events) {
        Map<List<String>, DeliveryState.StageInfo> changedStages = new HashMap<>();
        Set<List<String>> newDecisions;
        Set<String> newTraffic;
        synchronized (this) {
            for (IndexedEvent indexed : events) {
                apply(indexed.event(), changedStages);
            }
            newDecisions = new HashSet<>(state.decisionCounts().keySet());
            newDecisions.removeAll(decisionMeters);
            decisionMeters.addAll(newDecisions);
            newTraffic = new HashSet<>(state.trafficByTarget().keySet());
            newTraffic.removeAll(trafficMeters);
            trafficMeters.addAll(newTraffic);
        }
        // Registered outside the lock: a scrape may hold the registry while it calls back into this object.
        newDecisions.forEach(this::registerDecisionCounter);
        newTraffic.forEach(this::registerTrafficGauge);
        changedStages.forEach(this::replaceStageInfo);
    }

    @Override
    public Set<String> replayTypes() {
        return TYPES;
    }

    private void apply(SpecificRecord event, Map<List<String>, DeliveryState.StageInfo> changedStages) {
        if (event instanceof GateDecided decided) {
            state.decided(decided.getTarget(), decided.getVersion(), decided.getStage(), decided.getCheckpoint() != null,
                    decided.getOutcome().name()).ifPresent(info ->
                    changedStages.put(List.of(decided.getTarget(), decided.getStage()), info));
        } else if (event instanceof DeploymentCommand command) {
            state.commanded(command.getTarget(), command.getTrafficPercent());
        }
    }

    private void registerDecisionCounter(List<String> labels) {
        FunctionCounter.builder(DECISIONS, this, metrics -> metrics.decisions(labels))
                .description("Gate decisions recorded in the ledger, by target, stage, kind (stage or checkpoint) and outcome")
                .tags("target", labels.get(0), "stage", labels.get(1), "kind", labels.get(2), "outcome", labels.get(3))
                .register(registry);
    }

    private void registerTrafficGauge(String target) {
        Gauge.builder(TRAFFIC, this, metrics -> metrics.traffic(target))
                .description("Traffic share (%) last commanded to the deployers for the target, from the audit ledger")
                .tag("target", target).register(registry);
    }

    private void replaceStageInfo(List<String> targetStage, DeliveryState.StageInfo info) {
        synchronized (stageInfo) {
            Meter previous = stageInfo.remove(targetStage);
            if (previous != null) {
                registry.remove(previous);
            }
            stageInfo.put(targetStage, Gauge.builder(STAGE_INFO, () -> 1)
                    .description("The current decision of each stage of a target: the version it is about and its outcome (value 1)")
                    .tags("target", targetStage.get(0), "stage", targetStage.get(1), "version", info.version(),
                            "outcome", info.outcome())
                    .register(registry));
        }
    }

    private synchronized double decisions(List<String> labels) {
        return state.decisions(labels);
    }

    private synchronized double traffic(String target) {
        return state.traffic(target);
    }
}
