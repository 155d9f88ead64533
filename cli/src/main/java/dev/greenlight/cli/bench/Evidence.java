package dev.greenlight.cli.bench;

import java.time.Instant;
import java.util.Locale;

/**
 * The JSON bodies the benchmark posts, as a CI job would (docs/api.md): release registrations,
 * check results and metric samples. Every body is distinct, so no request is answered as an
 * idempotent repeat of another.
 */
final class Evidence {

    private Evidence() {
    }

    /** A git-like revision unique to {@code n} (7-64 lower-case hex). */
    static String revision(long n) {
        return String.format(Locale.ROOT, "be0c%012x", n);
    }

    static String release(String target, String version, String type, long n) {
        return """
                {"target":"%s","version":"%s","type":"%s","revision":"%s","author":"alice",\
                "changelog":"greenlight bench","policy":null}""".formatted(target, version, type, revision(n));
    }

    static String metric(String target, long n, Instant observedAt) {
        return """
                {"target":"%s","name":"bench_queue_depth","value":%d,"observedAt":"%s"}"""
                .formatted(target, n, observedAt);
    }

    /** A JSON array of {@code size} samples for one target. */
    static String metricBatch(String target, long firstN, int size, Instant observedAt) {
        StringBuilder batch = new StringBuilder(size * 110).append('[');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                batch.append(',');
            }
            batch.append(metric(target, firstN + i, observedAt));
        }
        return batch.append(']').toString();
    }

    static String passingCheck(String target, String version, long n, String name, Instant now) {
        return """
                {"target":"%s","version":"%s","name":"%s","status":"PASS","revision":"%s",\
                "startedAt":"%s","completedAt":"%s"}""".formatted(target, version, name, revision(n),
                now.minusSeconds(60), now);
    }
}
