package dev.greenlight.ledger.replay.application;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.MetricIndex;
import dev.greenlight.policy.evidence.SourceOffset;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A release of an RL policy with a passing security scan, gated at {@code shadow} under the shipped
 * {@code rl-policy-go-nogo} document, the decision computed by the real engine as the evaluator does.
 * Shared by the replayer's unit test and the ledger IT so both replay the same honest history.
 */
public final class ReplayFixture {

    public static final String TARGET = "rl-policy-replay";
    public static final String VERSION = "1.0.0";
    public static final String STAGE = "shadow";
    public static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    public static final String POLICY_TEXT = read(Path.of("../../policies/rl-policy-go-nogo.yaml"));

    private ReplayFixture() {
    }

    public static ReleaseRegistered release() {
        return ReleaseRegistered.newBuilder().setMeta(meta("rel-1", T.minusSeconds(7200))).setTarget(TARGET)
                .setVersion(VERSION).setReleaseType(ReleaseType.MODEL).setRevision("abc123").setAuthor("alice")
                .build();
    }

    public static CheckReported securityScan() {
        return CheckReported.newBuilder().setMeta(meta("chk-1", T.minusSeconds(3600))).setTarget(TARGET)
                .setVersion(VERSION).setName("security-scan").setStatus(CheckStatus.PASS).setRevision("abc123")
                .setStartedAt(T.minusSeconds(4000)).setCompletedAt(T.minusSeconds(3600)).build();
    }

    public static PolicyActivated policyActivated() {
        Policy policy = policy();
        return new PolicyActivated(meta(policy.contentHash(), T.minusSeconds(9000)), policy.name(), policy.name(),
                policy.version(), policy.contentHash(), POLICY_TEXT);
    }

    public static Policy policy() {
        return new PolicyParser().parse("rl-policy-go-nogo.yaml", POLICY_TEXT);
    }

    /** The evidence events in the order they were published. */
    public static List<SpecificRecord> evidence() {
        return List.of(release(), securityScan());
    }

    /** What the gate evaluator records for that evidence at {@link #T}. */
    public static GateDecided honestDecision() {
        return GateDecisions.toEvent(new PolicyEngine().evaluate(policy(), STAGE,
                EvidenceFold.fold(release(), evidence()), T), null);
    }

    /** A metric gate over the fixture's target, for decisions of the gate's incremental evaluation. */
    public static final String METRIC_POLICY = """
            name: metric-replay
            version: "1"
            governs:
              targets: ["rl-policy-replay"]
            stages:
              - name: shadow
                traffic: 0
                criteria:
                  - {name: error-rate, kind: metric, metric: error_rate, aggregate: avg, window: 1h, comparator: "<", threshold: 0.05}
            """;

    public static Policy metricPolicy() {
        return new PolicyParser().parse("metric-replay.yaml", METRIC_POLICY);
    }

    public static PolicyActivated metricPolicyActivated() {
        Policy policy = metricPolicy();
        return new PolicyActivated(new EventMetadata(policy.contentHash(), T.minusSeconds(9000), "alice"),
                policy.name(), policy.name(), policy.version(), policy.contentHash(), METRIC_POLICY);
    }

    /**
     * What the incremental evaluation decides at {@link #T} under {@link #METRIC_POLICY} over these
     * samples, read up to {@code through} (null: the first citation form, no arrival bound).
     */
    public static GateDecided incrementalDecision(List<MetricObserved> samples, SourceOffset through) {
        MetricIndex series = MetricIndex.of(samples.stream().map(EvidenceFold::sample).toList());
        Decision decision = new PolicyEngine().evaluate(metricPolicy(), STAGE,
                EvidenceFold.fold(release(), List.of(release())), through == null ? series : series.through(through), T);
        return GateDecisions.toEvent(decision, null);
    }

    private static EventMetadata meta(String id, Instant at) {
        return new EventMetadata(id, at, "alice");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
