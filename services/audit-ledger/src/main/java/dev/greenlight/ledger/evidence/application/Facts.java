package dev.greenlight.ledger.evidence.application;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.MetricObserved;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Look-ups over a release's events shared by the checklist and the Gate5 items. */
final class Facts {

    private Facts() {
    }

    /** The latest report of a check (by completion, ledger order on ties): a re-run supersedes the earlier run. */
    static Optional<Cited<CheckReported>> check(ReleaseEvents release, String name) {
        return release.all(CheckReported.class).stream().filter(c -> c.event().getName().equals(name))
                .max(Comparator.comparing(c -> c.event().getCompletedAt()));
    }

    /** The latest report of every check, by name. */
    static Map<String, Cited<CheckReported>> latestChecks(ReleaseEvents release) {
        Map<String, Cited<CheckReported>> latest = new TreeMap<>();
        for (Cited<CheckReported> c : release.all(CheckReported.class)) {
            latest.merge(c.event().getName(), c,
                    (a, b) -> b.event().getCompletedAt().isBefore(a.event().getCompletedAt()) ? a : b);
        }
        return latest;
    }

    /** The latest observation of a metric (by observation time, ledger order on ties). */
    static Optional<Cited<MetricObserved>> latestMetric(ReleaseEvents release, String name) {
        return release.all(MetricObserved.class).stream().filter(m -> m.event().getName().equals(name))
                .max(Comparator.comparing(m -> m.event().getObservedAt()));
    }

    /** The largest observation of a counter-like metric, as the policy aggregates it ({@code aggregate: max}). */
    static Optional<Cited<MetricObserved>> maxMetric(ReleaseEvents release, String name) {
        return release.all(MetricObserved.class).stream().filter(m -> m.event().getName().equals(name))
                .max(Comparator.comparingDouble(m -> m.event().getValue()));
    }

    /** A number as people write it: 25, 14.5 — not 25.0 or 1.45E1. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
