package dev.greenlight.policy.testing;

import dev.greenlight.policy.parser.Durations;
import dev.greenlight.policy.parser.Mapping;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Times in policy tests: an ISO instant, or {@code now}, {@code now-49h}, {@code now+2h} relative
 * to the file's {@code now}, so fixtures read as "49 hours ago" rather than as arithmetic.
 */
final class TimeExpression {

    private final Instant now;

    TimeExpression(Instant now) {
        this.now = now;
    }

    Instant now() {
        return now;
    }

    Instant required(Mapping m, String key) {
        return optional(m, key).orElseThrow(() -> m.fail(m.line(), "missing required key '" + key + "'"));
    }

    Optional<Instant> optional(Mapping m, String key) {
        return m.optionalString(key).map(text -> parse(m, key, text.trim()));
    }

    private Instant parse(Mapping m, String key, String text) {
        if (text.equals("now")) {
            return now;
        }
        if (text.startsWith("now+") || text.startsWith("now-")) {
            Duration offset = Durations.parse(text.substring(4)).orElseThrow(() -> m.failAt(key,
                    "'" + text + "' needs a duration after now+/now-, e.g. now-49h"));
            return text.charAt(3) == '+' ? now.plus(offset) : now.minus(offset);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw m.failAt(key, "'" + text + "' is not a time (use an ISO instant, now, now-2h or now+3d)");
        }
    }

    static Instant absolute(Mapping m, String key) {
        String text = m.string(key);
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeException e) {
            throw m.failAt(key, "'" + key + "' must be an ISO instant like 2026-03-10T12:00:00Z");
        }
    }
}
