package dev.greenlight.checkingest.evidence.domain;

import dev.greenlight.checkingest.release.domain.Identifiers;
import dev.greenlight.checkingest.release.domain.SemanticVersion;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One metric sample. The version is optional because some metrics describe a target as a whole
 * (month-to-date error budget) rather than one release of it.
 */
public record MetricSample(String target, Optional<SemanticVersion> version, String name, double value,
                           Instant observedAt, Map<String, String> labels, Optional<String> eventId) {

    /** Snake case with the unit as suffix, as policies and guards reference metrics ({@link Identifiers#isSnakeCase}). */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public MetricSample {
        Fields.require("target", Identifiers.isTarget(target), Identifiers.TARGET_RULE);
        version = version == null ? Optional.empty() : version;
        Fields.require("name", name != null && name.length() <= 128 && Identifiers.isSnakeCase(name),
                "must be snake case, e.g. error_budget_burn_pct");
        Fields.require("value", Double.isFinite(value), "must be a finite number");
        Fields.require("observedAt", observedAt != null, "is required");
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        eventId = Fields.eventId(eventId);
    }
}
