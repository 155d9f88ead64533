package dev.greenlight.policy.evidence;

import java.time.Instant;

/** One observed value of a named metric. */
public record MetricSample(String id, String name, double value, Instant observedAt) implements EvidenceItem {
}
