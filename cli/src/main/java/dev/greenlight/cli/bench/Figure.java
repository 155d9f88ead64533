package dev.greenlight.cli.bench;

/**
 * One measured figure next to the ceiling it is judged against, both from the same run: a figure
 * without its ceiling says nothing on a shared machine whose speed changes by the minute.
 *
 * @param name         what was measured, e.g. {@code single-sample requests, 32 connections}
 * @param value        the measurement
 * @param unit         its unit, e.g. {@code req/s}, {@code ms}, {@code MB}
 * @param ceiling      the reference measured in the same run, in the same unit
 * @param ceilingName  what the reference is, e.g. {@code raw producer}
 */
record Figure(String name, double value, String unit, double ceiling, String ceilingName) {

    Figure {
        if (!Double.isFinite(value) || !Double.isFinite(ceiling) || ceiling <= 0) {
            throw new IllegalArgumentException(name + ": value " + value + " and ceiling " + ceiling
                    + " must be finite, the ceiling positive");
        }
    }

    /** value / ceiling: below 1 for a throughput under its ceiling, above 1 for a latency over its floor. */
    double ratio() {
        return value / ceiling;
    }
}
