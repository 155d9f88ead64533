package dev.greenlight.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The arithmetic and the formats of the benchmark's results, without running anything. */
class BenchReportTest {

    private static long[] millis(long... values) {
        long[] nanos = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            nanos[i] = values[i] * 1_000_000;
        }
        return nanos;
    }

    @Test
    void percentilesAreNearestRankOverEveryRecordedValue() {
        Latencies latencies = Latencies.of(millis(4, 1, 3, 2));
        assertThat(latencies.percentileMillis(50)).isEqualTo(2.0);
        assertThat(latencies.percentileMillis(75)).isEqualTo(3.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(4.0);
        assertThat(latencies.percentileMillis(0.1)).isEqualTo(1.0);
    }

    @Test
    void p999OfAThousandValuesIsTheSecondLargestAndOfFewerValuesTheMaximum() {
        long[] thousand = new long[1000];
        for (int i = 0; i < thousand.length; i++) {
            thousand[i] = (i + 1) * 1_000_000L;
        }
        assertThat(Latencies.of(thousand).percentileMillis(99.9)).isEqualTo(999.0);
        assertThat(Latencies.of(thousand).percentileMillis(99)).isEqualTo(990.0);
        assertThat(Latencies.of(millis(5, 7, 6)).percentileMillis(99.9)).isEqualTo(7.0);
    }

    @Test
    void noLatencyGivesNoPercentileAndAPercentileOutsideTheRangeIsRefused() {
        assertThat(Latencies.of(new long[0]).percentileMillis(50)).isNaN();
        assertThatThrownBy(() -> Latencies.of(millis(1)).percentileMillis(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.of(millis(1)).percentileMillis(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatioIsTheFigureOverItsCeilingAndAFigureWithoutAUsableCeilingIsRefused() {
        assertThat(new Figure("batches", 25_000, "samples/s", 100_000, "raw producer").ratio()).isEqualTo(0.25);
        assertThat(new Figure("p99", 48, "ms", 4, "raw p99").ratio()).isEqualTo(12.0);
        assertThatThrownBy(() -> new Figure("x", 1, "ms", 0, "nothing")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Figure("x", Double.NaN, "ms", 1, "raw")).isInstanceOf(IllegalArgumentException.class);
    }

    private static BenchReport report() {
        return new BenchReport(Instant.parse("2026-12-06T03:30:00Z"), "embedded", Map.of("cores", 2), List.of(
                Section.measured("http-ingest", "HTTP ingest", List.of(
                        new Figure("one sample per request", 1146, "req/s", 930_000, "raw producer rec/s"),
                        new Figure("request latency p99", 93.25, "ms", 4.5, "raw p99")), List.of("32 connections")),
                Section.skipped("scale-out", "Two gate instances vs one", "one instance per service")));
    }

    @Test
    void theJsonHasEverySectionWithValueCeilingAndRatioAndSaysWhyASectionWasSkipped(@TempDir Path dir) throws Exception {
        Path file = report().writeJson(dir);

        assertThat(file.getFileName().toString()).isEqualTo("20261206T033000Z.json");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file));
        assertThat(json.path("mode").asString()).isEqualTo("embedded");
        JsonNode ingest = json.path("sections").path("http-ingest");
        assertThat(ingest.path("figures")).hasSize(2);
        JsonNode single = ingest.path("figures").get(0);
        assertThat(single.path("value").asDouble()).isEqualTo(1146.0);
        assertThat(single.path("ceiling").asDouble()).isEqualTo(930_000.0);
        assertThat(single.path("ratio").asDouble()).isEqualTo(0.001232);
        assertThat(ingest.path("figures").get(1).path("ratio").asDouble()).isEqualTo(20.72);
        assertThat(ingest.path("notes").get(0).asString()).isEqualTo("32 connections");
        assertThat(json.path("sections").path("scale-out").path("skipped").asString()).isEqualTo("one instance per service");
    }

    @Test
    void theTableShowsEachFigureWithItsCeilingAndRatio() {
        assertThat(report().table()).contains(
                "| HTTP ingest | one sample per request | 1,146 req/s | raw producer rec/s: 930,000 req/s | 0.0012 |",
                "| HTTP ingest | request latency p99 | 93.3 ms | raw p99: 4.50 ms | 21x |",
                "| Two gate instances vs one | not measured: one instance per service | | | |");
    }
}
