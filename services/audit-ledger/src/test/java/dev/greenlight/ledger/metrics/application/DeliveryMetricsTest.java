package dev.greenlight.ledger.metrics.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.ledger.index.IndexedEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The dashboard meters as Prometheus scrapes them: names and labels exactly as docs/operations.md
 * lists them, counts that a restart (a second instance fed the same ledger) reproduces, and one
 * info series per target and stage.
 */
class DeliveryMetricsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DeliveryMetrics metrics = new DeliveryMetrics(registry);

    @Test
    void decisionsAreCountedByTargetStageKindAndOutcome() {
        feed(metrics, decided("d1", "2.1.0", "live-10", null, GateOutcome.HOLD),
                decided("d2", "2.1.0", "live-10", null, GateOutcome.GO),
                decided("d3", "2.1.0", "live-10", "T+30m", GateOutcome.NO_GO),
                decided("d4", "2.1.1", "live-10", null, GateOutcome.GO));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("greenlight_gate_decisions_total{kind=\"stage\",outcome=\"GO\",stage=\"live-10\",target=\"ict-qm\"} 2.0")
                .contains("greenlight_gate_decisions_total{kind=\"stage\",outcome=\"HOLD\",stage=\"live-10\",target=\"ict-qm\"} 1.0")
                .contains("greenlight_gate_decisions_total{kind=\"checkpoint\",outcome=\"NO_GO\",stage=\"live-10\",target=\"ict-qm\"} 1.0");
    }

    @Test
    void theStageInfoGaugeNamesTheCurrentVersionAndOutcomeOnlyOneSeriesPerStage() {
        feed(metrics, decided("d1", "2.1.0", "live-10", null, GateOutcome.HOLD));
        assertThat(registry.scrape())
                .contains("greenlight_release_stage_info{outcome=\"HOLD\",stage=\"live-10\",target=\"ict-qm\",version=\"2.1.0\"} 1");

        feed(metrics, decided("d2", "2.1.0", "live-10", null, GateOutcome.GO),
                decided("d3", "2.1.0", "live-10", "T+30m", GateOutcome.NO_GO));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("greenlight_release_stage_info{outcome=\"GO\",stage=\"live-10\",target=\"ict-qm\",version=\"2.1.0\"} 1")
                .doesNotContain("outcome=\"HOLD\",stage=\"live-10\",target=\"ict-qm\",version=\"2.1.0\"} 1");
        assertThat(scrape.lines().filter(l -> l.startsWith("greenlight_release_stage_info{"))).hasSize(1);
    }

    @Test
    void theRolloutTrafficGaugeIsTheShareLastCommandedAndARestartRebuildsEveryValue() {
        List<SpecificRecord> ledger = List.of(command(1, "2.1.0", 10), decided("d1", "2.1.0", "live-10", null, GateOutcome.GO),
                command(2, "2.1.0", 100), command(3, "2.1.0", 0));
        feed(metrics, ledger.toArray(SpecificRecord[]::new));

        assertThat(registry.scrape()).contains("greenlight_rollout_traffic_percent{target=\"ict-qm\"} 0");

        PrometheusMeterRegistry restarted = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        feed(new DeliveryMetrics(restarted), ledger.toArray(SpecificRecord[]::new));
        assertThat(restarted.scrape().lines().filter(l -> l.startsWith("greenlight_")).sorted().toList())
                .isEqualTo(registry.scrape().lines().filter(l -> l.startsWith("greenlight_")).sorted().toList());
    }

    @Test
    void itReplaysOnlyDecisionsAndDeploymentCommands() {
        assertThat(metrics.replayTypes()).containsExactlyInAnyOrder("dev.greenlight.events.GateDecided",
                "dev.greenlight.events.DeploymentCommand");
    }

    private static void feed(DeliveryMetrics metrics, SpecificRecord... events) {
        metrics.appended(java.util.Arrays.stream(events).map(e -> new IndexedEvent(null, e, null)).toList());
    }

    private static GateDecided decided(String id, String version, String stage, String checkpoint, GateOutcome outcome) {
        return GateDecided.newBuilder().setMeta(new EventMetadata(id, T0, "gate-evaluator")).setTarget("ict-qm")
                .setDecisionId(id).setVersion(version).setStage(stage).setOutcome(outcome).setCriteria(List.of())
                .setMissing(List.of()).setNextChangeAt(null).setPolicy(new PolicyRef("trading-strategy", "1", "c0ffee"))
                .setEvaluatedAt(T0).setPreviousDecisionId(null).setEvidenceIds(List.of()).setCheckpoint(checkpoint)
                .build();
    }

    private static DeploymentCommand command(long sequence, String version, int traffic) {
        return new DeploymentCommand(new EventMetadata("c" + sequence, T0, "rollout-controller"), "ict-qm",
                "cmd-" + sequence, version, traffic, "step", sequence, null);
    }
}
