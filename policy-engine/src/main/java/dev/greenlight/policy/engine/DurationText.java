package dev.greenlight.policy.engine;

import java.time.Duration;

/** Renders durations the way policies write them (48h, 30d, 30m), for reasons and thresholds. */
final class DurationText {

    private DurationText() {
    }

    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        // Runbooks say 24h and 72h but 30d, so whole days are only used from a week up.
        if (seconds % 86_400 == 0 && seconds >= 7 * 86_400) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0 && seconds != 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** Age rounded down to whole hours, or minutes below one hour. */
    static String age(Duration age) {
        return age.toHours() >= 1 ? age.toHours() + "h" : age.toMinutes() + "m";
    }
}
