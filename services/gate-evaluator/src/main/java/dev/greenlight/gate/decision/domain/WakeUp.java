package dev.greenlight.gate.decision.domain;

import java.time.Instant;

/**
 * A release's wake-up moved from {@code previous} to {@code next} (either null: none). A release
 * has at most one: the earliest instant a result can change by itself, or "now" when samples wait
 * for the next tick ({@link Coalescing}).
 */
public record WakeUp(String version, Instant previous, Instant next) {
}
