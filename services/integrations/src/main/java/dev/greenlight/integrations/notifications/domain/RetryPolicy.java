package dev.greenlight.integrations.notifications.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * How hard one delivery is tried: at most {@code attempts} requests, waiting {@code initialBackoff},
 * then twice as long each time, capped at {@code maxBackoff}. A receiver's {@code Retry-After} is
 * honoured when it asks for longer, but never beyond the cap — a slow endpoint gets bounded effort,
 * then the notification is recorded as failed. Only answers that may succeed later are retried
 * (timeouts, connection failures, 408, 429, 5xx); any other 4xx is final at once.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based), given the receiver's Retry-After if any. */
    public Duration backoff(int attempt, Optional<Duration> retryAfter) {
        Duration exponential = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration wait = retryAfter.filter(asked -> asked.compareTo(exponential) > 0).orElse(exponential);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Whether an answer with this status may succeed when tried again. */
    public static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
