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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A {@link MetricSeries} answers every range exactly as filtering its samples would — count,
 * min, max, latest, earliest, the exact sum rounded once — for any finite doubles, whatever the
 * order the samples arrived in, with duplicates, and after samples were forgotten.
 */
class MetricSeriesPropertyTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    @Property(tries = 300)
    void summaryEqualsFilteringTheSamples(@ForAll("samples") List<MetricSample> samples,
                                          @ForAll("ranges") Instant[] range, @ForAll("buckets") int bucketMillis,
                                          @ForAll long seed) {
        List<MetricSample> shuffled = new ArrayList<>(samples);
        shuffled.addAll(samples.subList(0, samples.size() / 3)); // redeliveries
        Collections.shuffle(shuffled, new Random(seed));
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

        assertThat(summary).isEqualTo(inOrder.summary(after, until));
        assertExact(summary, inRange);
    }

    @Property(tries = 200)
    void forgettingSamplesLeavesTheSummaryOfTheRest(@ForAll("samples") List<MetricSample> samples,
                                                    @ForAll("ranges") Instant[] range, @ForAll long seed) {
        MetricSeries series = new MetricSeries(Duration.ofSeconds(30));
        samples.forEach(series::add);
        Random random = new Random(seed);
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
        assertThat(expired).containsExactlyInAnyOrderElementsOf(expected);
        kept.removeAll(expected);

        Instant after = range[0];
        Instant until = range[1];
        assertExact(series.summary(after, until), kept.stream()
                .filter(s -> !s.observedAt().isAfter(until) && (after == null || s.observedAt().isAfter(after)))
                .toList());
        assertThat(series.size()).isEqualTo(kept.size());
    }

    private static void assertExact(SeriesSummary summary, List<MetricSample> inRange) {
        assertThat(summary.count()).isEqualTo(inRange.size());
        if (inRange.isEmpty()) {
            assertThat(summary).isEqualTo(SeriesSummary.EMPTY);
            return;
        }
        BigDecimal exact = inRange.stream().map(s -> new BigDecimal(s.value())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(summary.min()).isEqualTo(inRange.stream().mapToDouble(MetricSample::value).min().orElseThrow());
        assertThat(summary.max()).isEqualTo(inRange.stream().mapToDouble(MetricSample::value).max().orElseThrow());
        assertThat(summary.sum()).isEqualTo(exact.doubleValue());
        assertThat(summary.average()).isEqualTo(
                exact.divide(BigDecimal.valueOf(inRange.size()), MathContext.DECIMAL128).doubleValue());
        assertThat(summary.latest()).isEqualTo(inRange.stream().max(SeriesSummary.LATEST_ORDER).orElseThrow());
        assertThat(summary.earliest()).isEqualTo(
                inRange.stream().map(MetricSample::observedAt).min(Instant::compareTo).orElseThrow());
    }

    @Provide
    Arbitrary<List<MetricSample>> samples() {
        Arbitrary<Double> values = Arbitraries.oneOf(Arbitraries.doubles().between(-1e12, 1e12),
                Arbitraries.of(0.1, 0.2, 0.3, -0.0, 0.0, 1e-300, Double.MAX_VALUE / 4));
        // Half on whole seconds, like half the range bounds, so bounds meet samples and bucket edges.
        Arbitrary<Instant> times = Arbitraries.oneOf(Arbitraries.longs().between(0, 4 * 3_600_000L).map(T0::plusMillis),
                Arbitraries.longs().between(0, 4 * 3_600L).map(T0::plusSeconds));
        return Combinators.combine(values, times).as((v, t) -> new double[] {v, t.toEpochMilli()}).list().ofMaxSize(150)
                .map(specs -> {
                    List<MetricSample> samples = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        samples.add(new MetricSample("id-" + i, "m", specs.get(i)[0],
                                Instant.ofEpochMilli((long) specs.get(i)[1])));
                    }
                    return samples;
                });
    }

    @Provide
    Arbitrary<Integer> buckets() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 90_000),
                Arbitraries.integers().between(1, 60).map(seconds -> seconds * 1000));
    }

    @Provide
    Arbitrary<Instant[]> ranges() {
        Arbitrary<Instant> instants = Arbitraries.oneOf(
                Arbitraries.longs().between(-60_000L, 5 * 3_600_000L).map(T0::plusMillis),
                Arbitraries.longs().between(-60L, 5 * 3_600L).map(T0::plusSeconds));
        Arbitrary<Instant> afters = Arbitraries.oneOf(Arbitraries.just(null), instants);
        return Combinators.combine(afters, instants).as((a, u) -> new Instant[] {a, u});
    }
}
