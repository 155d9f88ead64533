package dev.greenlight.policy.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@link MetricSeries} answers every range exactly as filtering its samples would — count,
 * min, max, latest, earliest, the exact sum rounded once — for any finite doubles, whatever the
 * order the samples arrived in, with duplicates, and after samples were forgotten.
 *
 * <p>Each case is generated from its own seed by a {@link SeededGenerator} (one {@link Random}):
 * the cases are seeded and reproducible, a failing case is named by its seed (the test's display
 * name and every assertion message), and the same seed regenerates exactly its data.
 */
class MetricSeriesPropertyTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final int SUMMARY_TRIES = 300;
    private static final int FORGETTING_TRIES = 200;

    /** {@code tries} fixed seeds, spread over the long range. */
    static LongStream seeds(int tries, long salt) {
        return LongStream.range(0, tries).map(i -> (i + salt) * 0x9E3779B97F4A7C15L);
    }

    static LongStream summarySeeds() {
        return seeds(SUMMARY_TRIES, 1);
    }

    static LongStream forgettingSeeds() {
        return seeds(FORGETTING_TRIES, 1_000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("summarySeeds")
    void summaryEqualsFilteringTheSamples(long seed) {
        SeededGenerator random = new SeededGenerator(seed, SUMMARY_TRIES);
        List<MetricSample> samples = samples(random);
        Instant[] range = range(random);
        int bucketMillis = bucketMillis(random);

        List<MetricSample> shuffled = new ArrayList<>(samples);
        shuffled.addAll(samples.subList(0, samples.size() / 3)); // redeliveries
        Collections.shuffle(shuffled, new Random(random.nextSeed()));
        MetricSeries series = new MetricSeries(Duration.ofMillis(bucketMillis));
        shuffled.forEach(series::add);
        MetricSeries inOrder = new MetricSeries(Duration.ofMillis(bucketMillis));
        samples.forEach(inOrder::add);

        Instant after = range[0];
        Instant until = range[1];
        SeriesSummary summary = series.summary(after, until);
        List<MetricSample> inRange = samples.stream()
                .filter(s -> !s.observedAt().isAfter(until) && (after == null || s.observedAt().isAfter(after)))
                .toList();

        assertThat(summary).as("seed %d", seed).isEqualTo(inOrder.summary(after, until));
        assertExact(seed, summary, inRange);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("forgettingSeeds")
    void forgettingSamplesLeavesTheSummaryOfTheRest(long seed) {
        SeededGenerator generator = new SeededGenerator(seed, FORGETTING_TRIES);
        List<MetricSample> samples = samples(generator);
        Instant[] range = range(generator);

        MetricSeries series = new MetricSeries(Duration.ofSeconds(30));
        samples.forEach(series::add);
        Random random = new Random(generator.nextSeed());
        List<MetricSample> kept = new ArrayList<>();
        for (MetricSample sample : samples) {
            if (random.nextInt(3) == 0) {
                series.remove(sample.id());
            } else {
                kept.add(sample);
            }
        }
        Instant cutoff = T0.plusMillis(random.nextInt(4 * 3_600_000));
        List<MetricSample> expired = series.expire(cutoff);
        Instant latest = kept.stream().max(SeriesSummary.LATEST_ORDER).map(MetricSample::observedAt).orElse(null);
        List<MetricSample> expected = kept.stream()
                .filter(s -> s.observedAt().isBefore(cutoff) && s.observedAt().isBefore(latest)).toList();
        assertThat(expired).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected);
        kept.removeAll(expected);

        Instant after = range[0];
        Instant until = range[1];
        assertExact(seed, series.summary(after, until), kept.stream()
                .filter(s -> !s.observedAt().isAfter(until) && (after == null || s.observedAt().isAfter(after)))
                .toList());
        assertThat(series.size()).as("seed %d", seed).isEqualTo(kept.size());
    }

    private static void assertExact(long seed, SeriesSummary summary, List<MetricSample> inRange) {
        assertThat(summary.count()).as("seed %d: count", seed).isEqualTo(inRange.size());
        if (inRange.isEmpty()) {
            assertThat(summary).as("seed %d", seed).isEqualTo(SeriesSummary.EMPTY);
            return;
        }
        BigDecimal exact = inRange.stream().map(s -> new BigDecimal(s.value())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(summary.min()).as("seed %d: min", seed)
                .isEqualTo(inRange.stream().mapToDouble(MetricSample::value).min().orElseThrow());
        assertThat(summary.max()).as("seed %d: max", seed)
                .isEqualTo(inRange.stream().mapToDouble(MetricSample::value).max().orElseThrow());
        assertThat(summary.sum()).as("seed %d: sum", seed).isEqualTo(exact.doubleValue());
        assertThat(summary.average()).as("seed %d: average", seed).isEqualTo(
                exact.divide(BigDecimal.valueOf(inRange.size()), MathContext.DECIMAL128).doubleValue());
        assertThat(summary.latest()).as("seed %d: latest", seed)
                .isEqualTo(inRange.stream().max(SeriesSummary.LATEST_ORDER).orElseThrow());
        assertThat(summary.earliest()).as("seed %d: earliest", seed).isEqualTo(
                inRange.stream().map(MetricSample::observedAt).min(Instant::compareTo).orElseThrow());
    }

    private static final Double[] SPECIAL_VALUES = {0.1, 0.2, 0.3, -0.0, 0.0, 1e-300, Double.MAX_VALUE / 4};

    /** Up to 150 samples (ids id-0, id-1, …) of metric m. */
    static List<MetricSample> samples(SeededGenerator random) {
        int size = random.size(150);
        List<MetricSample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            // Half a decimal in [-1e12, 1e12] with two fraction digits (jqwik's default scale), half a special value.
            double value = random.either()
                    ? BigDecimal.valueOf(random.between(-100_000_000_000_000L, 100_000_000_000_000L), 2).doubleValue()
                    : random.pick(SPECIAL_VALUES);
            // Half on whole seconds, like half the range bounds, so bounds meet samples and bucket edges.
            Instant at = random.either()
                    ? T0.plusMillis(random.between(0, 4 * 3_600_000L))
                    : T0.plusSeconds(random.between(0, 4 * 3_600L));
            samples.add(new MetricSample("id-" + i, "m", value, at));
        }
        return samples;
    }

    /** A bucket width: half any 1..90 000 ms, half whole seconds 1..60 s. */
    static int bucketMillis(SeededGenerator random) {
        return random.either() ? random.between(1, 90_000) : random.between(1, 60) * 1000;
    }

    /** {after, until}: after is null half the time; each bound is on a whole second half the time. */
    static Instant[] range(SeededGenerator random) {
        Instant after = random.either() ? null : instant(random);
        Instant until = instant(random);
        return new Instant[] {after, until};
    }

    private static Instant instant(SeededGenerator random) {
        return random.either()
                ? T0.plusMillis(random.between(-60_000L, 5 * 3_600_000L))
                : T0.plusSeconds(random.between(-60L, 5 * 3_600L));
    }
}
