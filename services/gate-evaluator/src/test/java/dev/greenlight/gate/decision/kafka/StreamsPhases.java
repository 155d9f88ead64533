package dev.greenlight.gate.decision.kafka;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Test-only: where the gate's stream threads spent the burst, from Kafka Streams' own metrics
 * ({@link HotTargetIsolationIT}): per thread the longest poll, process (one record), punctuate and
 * commit of the last metrics window, commits and the time blocked on Kafka, and the producers' time
 * blocked on a full buffer and in commits and the records they sent (changelogs and decisions: per
 * sample, what a sample costs the broker). A registration on the hot partition waits for its thread's current
 * cycle (process what a poll returned, punctuate, commit) before it is polled; these say which part
 * of the cycle is long.
 */
final class StreamsPhases {

    private static final String[] THREAD_METRICS = {"poll-latency-max", "process-latency-max",
        "punctuate-latency-max", "commit-latency-max", "commit-latency-avg", "process-records-avg", "commit-total",
        "blocked-time-ns-total"};
    private static final String[] PRODUCER_METRICS = {"bufferpool-wait-time-ns-total", "txn-commit-time-ns-total",
        "flush-time-ns-total", "record-send-total", "record-retry-total", "batch-size-avg", "records-per-request-avg"};

    private StreamsPhases() {
    }

    static String of(KafkaStreams streams) {
        Map<String, StringBuilder> lines = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            String thread = name.tags().getOrDefault("thread-id", name.tags().get("client-id"));
            if (thread == null || !thread.contains("StreamThread-")) {
                continue;
            }
            boolean wanted = name.group().equals("stream-thread-metrics") && contains(THREAD_METRICS, name.name())
                    || name.group().equals("producer-metrics") && contains(PRODUCER_METRICS, name.name());
            if (!wanted) {
                continue;
            }
            String key = thread.substring(thread.indexOf("StreamThread-")).replace("-producer", "");
            Object value = entry.getValue().metricValue();
            String shown = value instanceof Double d
                    ? name.name().endsWith("-ns-total") ? String.format("%.0f ms", d / 1e6) : String.format("%.1f", d)
                    : String.valueOf(value);
            lines.computeIfAbsent(key, k -> new StringBuilder()).append(' ').append(name.name()).append('=')
                    .append(shown).append(';');
        }
        StringBuilder out = new StringBuilder("  stream threads (Kafka Streams metrics, last window):");
        lines.forEach((thread, line) -> out.append(System.lineSeparator()).append("    ").append(thread).append(':')
                .append(line));
        return out.toString();
    }

    /** Per stream thread, its commits so far ({@code commit-total}): to count the commits of a stretch. */
    static Map<String, Double> commits(KafkaStreams streams) {
        Map<String, Double> commits = new TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            String thread = name.tags().get("thread-id");
            if (name.group().equals("stream-thread-metrics") && name.name().equals("commit-total") && thread != null
                    && thread.contains("StreamThread-") && metric.metricValue() instanceof Double total) {
                commits.put(thread.substring(thread.indexOf("StreamThread-")), total);
            }
        });
        return commits;
    }

    /** Each thread's commits between two {@link #commits} readings {@code seconds} apart, and per second. */
    static String commitsBetween(Map<String, Double> before, Map<String, Double> after, double seconds) {
        StringBuilder out = new StringBuilder();
        after.forEach((thread, total) -> out.append(out.isEmpty() ? "" : "; ").append(thread).append(' ')
                .append(String.format("%.0f (%.1f/s)", total - before.getOrDefault(thread, 0.0),
                        (total - before.getOrDefault(thread, 0.0)) / seconds)));
        return out.toString();
    }

    private static boolean contains(String[] names, String name) {
        for (String candidate : names) {
            if (candidate.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
