package dev.greenlight.policy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricIndex;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.evidence.SeriesSummary;
import dev.greenlight.policy.model.Aggregate;
import dev.greenlight.policy.model.Baseline;
import dev.greenlight.policy.model.Comparator;
import dev.greenlight.policy.model.MetricCriterion;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The incremental metric evaluation (windowed summaries, one citation per window) against the raw
 * one (filter every sample) on random samples, windows, evaluation instants and criteria: same
 * status, observed value, threshold, reason and next change, and the citation names exactly the
 * samples the raw evaluation cites. Values are multiples of 1/8 below 2^20, whose sums a double
 * holds exactly, so the raw compensated sum and the exact sum must agree to the bit.
 */
class IncrementalMetricPropertyTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final MetricEvaluator EVALUATOR = new MetricEvaluator();

    @Property(tries = 400)
    void incrementalEqualsRaw(@ForAll("samples") List<MetricSample> samples, @ForAll("criteria") MetricCriterion criterion,
                              @ForAll("instants") Instant at) {
        Evidence evidence = Given.evidence().withMetrics(samples);
        var policy = Given.policy(criterion);
        CriterionResult raw = EVALUATOR.evaluate(criterion, new EvaluationContext(policy, evidence, at));
        CriterionResult incremental = EVALUATOR.evaluate(criterion,
                new EvaluationContext(policy, Given.evidence(), at, MetricIndex.of(samples)));

        assertThat(incremental.status()).isEqualTo(raw.status());
        assertThat(incremental.observed()).isEqualTo(raw.observed());
        assertThat(incremental.threshold()).isEqualTo(raw.threshold());
        assertThat(incremental.reason()).isEqualTo(raw.reason());
        assertThat(incremental.nextChangeAt()).isEqualTo(raw.nextChangeAt());

        List<String> windowIds = evidence.metrics().stream()
                .filter(s -> s.name().equals(criterion.metric()))
                .filter(s -> !s.observedAt().isAfter(at)
                        && (criterion.window() == null || s.observedAt().isAfter(at.minus(criterion.window()))))
                .map(MetricSample::id).toList();
        Optional<SeriesCitation> citation = incremental.evidenceIds().stream().map(SeriesCitation::parse)
                .flatMap(Optional::stream).findFirst();
        if (windowIds.isEmpty()) {
            assertThat(citation).isEmpty();
        } else {
            assertThat(citation).get().satisfies(c -> {
                assertThat(c.count()).isEqualTo(windowIds.size());
                assertThat(c.digest()).isEqualTo(digest(windowIds));
                assertThat(c.metric()).isEqualTo(criterion.metric());
            });
        }
        List<String> baseline = criterion.baseline() == null || criterion.baseline().metric() == null ? List.of()
                : evidence.metrics().stream()
                        .filter(s -> s.name().equals(criterion.baseline().metric()) && !s.observedAt().isAfter(at))
                        .max(SeriesSummary.LATEST_ORDER).map(MetricSample::id).stream().toList();
        assertThat(incremental.evidenceIds().stream().filter(id -> SeriesCitation.parse(id).isEmpty()))
                .as("the baseline sample, cited by id either way").containsExactlyElementsOf(baseline);
        Set<String> rawCited = new TreeSet<>(windowIds);
        rawCited.addAll(baseline);
        assertThat(raw.evidenceIds()).containsExactlyElementsOf(rawCited);
    }

    static String digest(List<String> ids) {
        BigInteger sum = BigInteger.ZERO;
        for (String id : ids) {
            sum = sum.add(SeriesCitation.digestOf(id));
        }
        String hex = sum.mod(BigInteger.ONE.shiftLeft(256)).toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    @Provide
    Arbitrary<List<MetricSample>> samples() {
        Arbitrary<String> names = Arbitraries.of("m", "m", "m", "b");
        Arbitrary<Double> values = Arbitraries.integers().between(-8_000_000, 8_000_000).map(v -> v / 8.0);
        // Instants cluster on 5-minute boundaries, as do windows and evaluation instants, (the default bucket edges) and spread over 6 h.
        Arbitrary<Instant> times = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 6 * 3_600_000L).map(T0::plusMillis),
                Arbitraries.integers().between(0, 72).flatMap(five -> Arbitraries.integers().between(-1, 1)
                        .map(ms -> T0.plus(Duration.ofMinutes(5L * five)).plusMillis(ms))));
        return Combinators.combine(names, values, times).as(SampleSpec::new).list().ofMaxSize(120)
                .map(specs -> {
                    List<MetricSample> samples = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        SampleSpec spec = specs.get(i);
                        samples.add(new MetricSample("s" + (i * 7919 % 1000) + "-" + i, spec.name, spec.value, spec.at));
                    }
                    return samples;
                });
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-600_000L, 7 * 3_600_000L).map(T0::plusMillis),
                Arbitraries.integers().between(0, 84).map(five -> T0.plus(Duration.ofMinutes(5L * five))));
    }

    @Provide
    Arbitrary<MetricCriterion> criteria() {
        Arbitrary<Aggregate> aggregates = Arbitraries.of(Aggregate.class);
        Arbitrary<Duration> windows = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.longs().between(1, 3 * 3_600_000L).map(Duration::ofMillis),
                Arbitraries.integers().between(1, 36).map(five -> Duration.ofMinutes(5L * five)));
        Arbitrary<Comparator> comparators = Arbitraries.of(Comparator.class);
        Arbitrary<Double> thresholds = Arbitraries.integers().between(-200, 200).map(v -> v * 1000.0);
        Arbitrary<Double> warns = Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.integers().between(-200, 200).map(v -> v * 1000.0));
        Arbitrary<Baseline> baselines = Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.just(Baseline.ofMetric("b")), Arbitraries.just(Baseline.ofMetric("m")),
                Arbitraries.just(Baseline.ofValue(2)));
        Arbitrary<Integer> minSamples = Arbitraries.integers().between(0, 4);
        return Combinators.combine(aggregates, windows, comparators, thresholds, warns, baselines, minSamples)
                .as((aggregate, window, comparator, threshold, warn, baseline, min) -> new MetricCriterion(
                        Given.common("c"), "m", aggregate, window, comparator, threshold, warn, baseline, min));
    }

    private record SampleSpec(String name, double value, Instant at) {
    }
}
