package dev.greenlight.policy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricIndex;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.evidence.SeededGenerator;
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
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incremental metric evaluation (windowed summaries, one citation per window) against the raw
 * one (filter every sample) on random samples, windows, evaluation instants and criteria: same
 * status, observed value, threshold, reason and next change, and the citation names exactly the
 * samples the raw evaluation cites. Values are multiples of 1/8 below 2^20, whose sums a double
 * holds exactly, so the raw compensated sum and the exact sum must agree to the bit.
 *
 * <p>Each case is generated from its own seed by a {@link SeededGenerator} (one
 * {@link java.util.Random}): the cases are seeded and reproducible, a failing case is named by its
 * seed (the test's display name and every assertion message), and the same seed regenerates
 * exactly its data.
 */
class IncrementalMetricPropertyTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final MetricEvaluator EVALUATOR = new MetricEvaluator();

    private static final int TRIES = 400;

    static LongStream seeds() {
        return LongStream.range(0, TRIES).map(i -> (i + 1) * 0x9E3779B97F4A7C15L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void incrementalEqualsRaw(long seed) {
        SeededGenerator random = new SeededGenerator(seed, TRIES);
        List<MetricSample> samples = samples(random);
        MetricCriterion criterion = criterion(random);
        Instant at = instant(random);

        Evidence evidence = Given.evidence().withMetrics(samples);
        var policy = Given.policy(criterion);
        CriterionResult raw = EVALUATOR.evaluate(criterion, new EvaluationContext(policy, evidence, at));
        CriterionResult incremental = EVALUATOR.evaluate(criterion,
                new EvaluationContext(policy, Given.evidence(), at, MetricIndex.of(samples)));

        assertThat(incremental.status()).as("seed %d: status", seed).isEqualTo(raw.status());
        assertThat(incremental.observed()).as("seed %d: observed", seed).isEqualTo(raw.observed());
        assertThat(incremental.threshold()).as("seed %d: threshold", seed).isEqualTo(raw.threshold());
        assertThat(incremental.reason()).as("seed %d: reason", seed).isEqualTo(raw.reason());
        assertThat(incremental.nextChangeAt()).as("seed %d: nextChangeAt", seed).isEqualTo(raw.nextChangeAt());

        List<String> windowIds = evidence.metrics().stream()
                .filter(s -> s.name().equals(criterion.metric()))
                .filter(s -> !s.observedAt().isAfter(at)
                        && (criterion.window() == null || s.observedAt().isAfter(at.minus(criterion.window()))))
                .map(MetricSample::id).toList();
        Optional<SeriesCitation> citation = incremental.evidenceIds().stream().map(SeriesCitation::parse)
                .flatMap(Optional::stream).findFirst();
        if (windowIds.isEmpty()) {
            assertThat(citation).as("seed %d: citation", seed).isEmpty();
        } else {
            assertThat(citation).as("seed %d: citation", seed).get().satisfies(c -> {
                assertThat(c.count()).as("seed %d: cited count", seed).isEqualTo(windowIds.size());
                assertThat(c.digest()).as("seed %d: cited digest", seed).isEqualTo(digest(windowIds));
                assertThat(c.metric()).as("seed %d: cited metric", seed).isEqualTo(criterion.metric());
            });
        }
        List<String> baseline = criterion.baseline() == null || criterion.baseline().metric() == null ? List.of()
                : evidence.metrics().stream()
                        .filter(s -> s.name().equals(criterion.baseline().metric()) && !s.observedAt().isAfter(at))
                        .max(SeriesSummary.LATEST_ORDER).map(MetricSample::id).stream().toList();
        assertThat(incremental.evidenceIds().stream().filter(id -> SeriesCitation.parse(id).isEmpty()))
                .as("seed %d: the baseline sample, cited by id either way", seed).containsExactlyElementsOf(baseline);
        Set<String> rawCited = new TreeSet<>(windowIds);
        rawCited.addAll(baseline);
        assertThat(raw.evidenceIds()).as("seed %d: raw citations", seed).containsExactlyElementsOf(rawCited);
    }

    static String digest(List<String> ids) {
        BigInteger sum = BigInteger.ZERO;
        for (String id : ids) {
            sum = sum.add(SeriesCitation.digestOf(id));
        }
        String hex = sum.mod(BigInteger.ONE.shiftLeft(256)).toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    /** Up to 120 samples, three in four of metric m, the rest of b. */
    static List<MetricSample> samples(SeededGenerator random) {
        int size = random.size(120);
        List<MetricSample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = random.pick("m", "m", "m", "b");
            double value = random.between(-8_000_000, 8_000_000) / 8.0;
            // Instants cluster on 5-minute boundaries, as do windows and evaluation instants, (the default bucket edges) and spread over 6 h.
            Instant at = random.either()
                    ? T0.plusMillis(random.between(0, 6 * 3_600_000L))
                    : T0.plus(Duration.ofMinutes(5L * random.between(0, 72))).plusMillis(random.between(-1, 1));
            samples.add(new MetricSample("s" + (i * 7919 % 1000) + "-" + i, name, value, at));
        }
        return samples;
    }

    /** An evaluation instant: half any millisecond from T0 - 10 min to T0 + 7 h, half a 5-minute boundary. */
    static Instant instant(SeededGenerator random) {
        return random.either()
                ? T0.plusMillis(random.between(-600_000L, 7 * 3_600_000L))
                : T0.plus(Duration.ofMinutes(5L * random.between(0, 84)));
    }

    /** A criterion on m: any aggregate and comparator; window, warn band and baseline sometimes absent. */
    static MetricCriterion criterion(SeededGenerator random) {
        Aggregate aggregate = random.pick(Aggregate.values());
        Duration window = switch (random.choice(3)) {
            case 0 -> null;
            case 1 -> Duration.ofMillis(random.between(1, 3 * 3_600_000L));
            default -> Duration.ofMinutes(5L * random.between(1, 36));
        };
        Comparator comparator = random.pick(Comparator.values());
        double threshold = random.between(-200, 200) * 1000.0;
        Double warn = random.either() ? null : random.between(-200, 200) * 1000.0;
        Baseline baseline = switch (random.choice(4)) {
            case 0 -> null;
            case 1 -> Baseline.ofMetric("b");
            case 2 -> Baseline.ofMetric("m");
            default -> Baseline.ofValue(2);
        };
        int minSamples = random.between(0, 4);
        return new MetricCriterion(
                Given.common("c"), "m", aggregate, window, comparator, threshold, warn, baseline, minSamples);
    }
}
