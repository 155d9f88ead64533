package dev.greenlight.gate.decision.domain;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.evidence.EvidenceRetention;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.gate.decision.kafka.AvroEvidence;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.evidence.SourceOffset;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Given/when/then driver over the pure gate core with the real event reading (the evidence
 * module's fold and retention): it keeps one target's state, the clock, the step of each input and
 * everything emitted. A tick takes the wake-ups due, as the Streams punctuation does.
 */
final class GateScenario {

    static final Instant START = Instant.parse("2026-03-10T12:00:00Z");
    static final PolicyCatalog POLICIES = catalog("test-gate.yaml", "test-metric-gate.yaml",
            "/live-view/test-signoff-gate.yaml", "test-checkpoint-gate.yaml");

    final GateEvaluation<SpecificRecord> evaluation;
    final GateState<SpecificRecord> state = new GateState<>();
    final List<SpecificRecord> all = new ArrayList<>();
    /**
     * Where each metric sample was read: offsets 0, 1, 2... of partition 0 in the order they are
     * handed in, as the gate reads one partition of the metrics topic; empty with {@link #unpositioned}.
     */
    final Map<SpecificRecord, SourceOffset> positions = new IdentityHashMap<>();
    private boolean positioned = true;
    final List<StageDecision> emitted = new ArrayList<>();
    Instant now = START;
    GateStep<SpecificRecord> step = GateStep.nothing();
    int evaluations;

    GateScenario(Coalescing coalescing) {
        this(coalescing, false);
    }

    GateScenario(Coalescing coalescing, boolean incrementalMetrics) {
        evaluation = new GateEvaluation<>(new AvroEvidence(POLICIES, EvidenceRetention.forPolicies(
                POLICIES.longestWindow())), coalescing, incrementalMetrics);
    }

    GateScenario() {
        this(Coalescing.NONE);
    }

    GateScenario given(SpecificRecord... events) {
        for (SpecificRecord event : events) {
            when(event);
        }
        return this;
    }

    GateScenario when(SpecificRecord event) {
        all.add(event);
        SourceOffset position = null;
        if (positioned && event instanceof MetricObserved) {
            position = new SourceOffset(0, positions.size());
            positions.put(event, position);
        }
        return record(evaluation.onEvent(state, event, position, now));
    }

    /** Samples are handed in without their source position, as before the gate kept it. */
    GateScenario unpositioned() {
        positioned = false;
        return this;
    }

    /** Time passes; every wake-up due by then runs, earliest first, each at the tick's instant. */
    GateScenario after(Duration duration) {
        now = now.plus(duration);
        return tick();
    }

    /** A tick at the current instant. */
    GateScenario tick() {
        List<String> due = state.wakeAt.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                .sorted(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).toList();
        List<StageDecision> decisions = new ArrayList<>();
        int evaluated = 0;
        for (String version : due) {
            record(evaluation.onWakeUp(state, version, now));
            decisions.addAll(step.decisions());
            evaluated += step.evaluations();
        }
        step = new GateStep<>(null, List.of(), List.of(), decisions, List.of(), evaluated);
        return this;
    }

    private GateScenario record(GateStep<SpecificRecord> next) {
        step = next;
        emitted.addAll(next.decisions());
        evaluations += next.evaluations();
        return this;
    }

    List<Outcome> outcomes() {
        return step.decisions().stream().map(d -> d.decision().outcome()).toList();
    }

    StageDecision lastEmitted() {
        return emitted.get(emitted.size() - 1);
    }

    /** A decision as the event the gate publishes. */
    static GateDecided event(StageDecision decision) {
        return GateDecisions.toEvent(decision.decision(), decision.previousDecisionId());
    }

    private static PolicyCatalog catalog(String... files) {
        List<LoadedPolicy> loaded = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = GateScenario.class.getResourceAsStream(
                    file.startsWith("/") ? file : "/test-policies/" + file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String name = file.substring(file.lastIndexOf('/') + 1);
                loaded.add(new LoadedPolicy(new PolicyParser().parse(name, text), text, "test"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PolicyCatalog(loaded);
    }
}
