package dev.greenlight.policy.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Random test data from one seed, shaped like the jqwik 1.10 defaults the property tests were
 * first written with, so the seeded tests cover what those did: a number in a range is biased
 * towards the value nearest 0 (the range is cut into partitions that shrink geometrically towards
 * it, one picked uniformly, then a value uniformly inside it), and about one draw in fifteen is an
 * edge case instead (min, min+1, the target and its neighbours, max-1, max) — which is what makes
 * range bounds meet samples and bucket edges; a list size is at most ~sqrt(tries) nine times in
 * ten, the maximum one time in fifty, otherwise anything up to the maximum. Not reproduced: jqwik's
 * whole-list edge cases (empty and one-element lists) and its first pass over combinations of edge
 * cases. Every draw comes from one {@link Random}, so {@code new SeededGenerator(seed, tries)}
 * regenerates a case exactly.
 */
public final class SeededGenerator {

    private final Random random;
    private final int genSize;

    public SeededGenerator(long seed, int tries) {
        this.random = new Random(seed);
        this.genSize = tries;
    }

    /** A fresh seed drawn from this generator (for shuffles and the like). */
    public long nextSeed() {
        return random.nextLong();
    }

    /** True half the time: the choice between two alternatives. */
    public boolean either() {
        return random.nextBoolean();
    }

    /** One of {@code n} alternatives, uniformly. */
    public int choice(int n) {
        return random.nextInt(n);
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    public int between(int min, int max) {
        return (int) between((long) min, max);
    }

    /** A number in {@code [min, max]}: an edge case one time in ~15, else biased towards 0. */
    public long between(long min, long max) {
        long target = Math.max(min, Math.min(max, 0));
        TreeSet<Long> edges = new TreeSet<>();
        for (long edge : new long[] {min, min + 1, target - 1, target, target + 1, max - 1, max}) {
            if (edge >= min && edge <= max) {
                edges.add(edge);
            }
        }
        int ratio = Math.min(Math.max(genSize / 5, 1), 100 / edges.size()) + 1;
        if (random.nextInt(ratio) == 0) {
            return new ArrayList<>(edges).get(random.nextInt(edges.size()));
        }
        List<long[]> partitions = partitions(min, max, target);
        long[] partition = partitions.get(random.nextInt(partitions.size()));
        return partition[0] + (long) (random.nextDouble() * (partition[1] - partition[0] + 1));
    }

    /** A list size in {@code [0, max]}. */
    public int size(int max) {
        int cutoff = (int) Math.max(Math.round(Math.sqrt(genSize)), 10);
        if (cutoff >= max) {
            return random.nextInt(max + 1);
        }
        double maxSizeProbability = Math.min(0.02, 10.0 / genSize);
        if (random.nextDouble() <= maxSizeProbability) {
            return max;
        }
        if (random.nextDouble() <= 0.1 + maxSizeProbability) {
            return cutoff + 1 + random.nextInt(max - cutoff);
        }
        return random.nextInt(cutoff + 1);
    }

    /** Consecutive [low, high] ranges covering [min, max], narrowing geometrically towards target. */
    private static List<long[]> partitions(long min, long max, long target) {
        TreeSet<Long> points = new TreeSet<>();
        if (target > min) {
            cutsTowards(points, min, target, -1);
        }
        if (target < max) {
            cutsTowards(points, max, target, 1);
        }
        if (!points.isEmpty() && target > min && target < max) {
            points.add(target);
        }
        List<long[]> partitions = new ArrayList<>();
        long low = min;
        for (long point : points) {
            if (point <= low) {
                continue;
            }
            if (point >= max) {
                break;
            }
            partitions.add(new long[] {low, point - 1});
            low = point;
        }
        partitions.add(new long[] {low, max});
        return partitions;
    }

    /** Cut points from {@code from} towards {@code to}, each a fraction of the remaining distance. */
    private static void cutsTowards(TreeSet<Long> points, long from, long to, int side) {
        long point = from;
        while (Math.abs(to - point) > 20) {
            long range = Math.abs(to - point);
            int decimals = (64 - Long.numberOfLeadingZeros(range)) / 10 * 3;
            long ratio = Math.max((long) Math.pow(decimals / 5.0, 10), 3);
            long distance = range / ratio;
            if (distance == 0) {
                return;
            }
            point = to + side * distance;
            points.add(point);
        }
    }
}
