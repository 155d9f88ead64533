package dev.greenlight.cli.bench;

import java.time.Duration;

/**
 * How big each measurement is. {@link #quick()} is a smoke run of a minute or two on a laptop;
 * {@link #full()} the sizes of issue #13 (10 k targets, 100 k releases in flight). Command-line
 * options override single sizes.
 *
 * @param clients          concurrent HTTP connections of the ingest and saturation runs
 * @param rawRecords       records the raw producer sends (and the raw consumer reads)
 * @param pings            single-record produce → visible round trips for the latency floor
 * @param phase            length of each ingest run and of each latency load level
 * @param targets          distinct targets the latency runs spread releases over
 * @param burstSamples     metric samples sent to the one hot target
 * @param killSwitches     kill-switch activations timed
 * @param releases         releases registered in total before memory, state and restore are measured
 * @param drain            how long to wait for the last decisions of a run
 */
record BenchOptions(int clients, int rawRecords, int pings, Duration phase, int targets, int burstSamples,
                    int killSwitches, int releases, Duration drain) {

    static BenchOptions quick() {
        return new BenchOptions(32, 100_000, 200, Duration.ofSeconds(4), 200, 5_000, 3, 500, Duration.ofSeconds(60));
    }

    static BenchOptions full() {
        return new BenchOptions(32, 2_000_000, 2_000, Duration.ofSeconds(30), 10_000, 200_000, 30, 100_000,
                Duration.ofSeconds(300));
    }

    BenchOptions withTargets(int value) {
        return new BenchOptions(clients, rawRecords, pings, phase, value, burstSamples, killSwitches, releases, drain);
    }

    BenchOptions withReleases(int value) {
        return new BenchOptions(clients, rawRecords, pings, phase, targets, burstSamples, killSwitches, value, drain);
    }

    BenchOptions withBurstSamples(int value) {
        return new BenchOptions(clients, rawRecords, pings, phase, targets, value, killSwitches, releases, drain);
    }

    BenchOptions withPhase(Duration value) {
        return new BenchOptions(clients, rawRecords, pings, value, targets, burstSamples, killSwitches, releases, drain);
    }
}
