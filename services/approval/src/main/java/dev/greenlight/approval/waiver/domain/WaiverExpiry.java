package dev.greenlight.approval.waiver.domain;

import dev.greenlight.platform.failures.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every waiver expires: a bypass granted for an incident must not silently outlive it. A request
 * without {@code expiresAt} gets {@code byDefault} from now; an explicit one may be shorter, but
 * never later than {@code maximum} from now. The gate evaluates the expiry as a pure function of
 * time, so the criterion blocks again the moment the waiver lapses.
 *
 * @param byDefault how long a waiver lasts when the request names no expiry
 * @param maximum   the longest a waiver may last
 */
public record WaiverExpiry(Duration byDefault, Duration maximum) {

    public WaiverExpiry {
        Objects.requireNonNull(byDefault, "byDefault");
        Objects.requireNonNull(maximum, "maximum");
        if (byDefault.isNegative() || byDefault.isZero() || byDefault.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("the default waiver expiry (" + byDefault
                    + ") must be positive and at most the maximum (" + maximum + ")");
        }
    }

    /** When a waiver requested now, with the optional explicit expiry, stops applying. */
    public Instant expiresAt(Optional<Instant> requested, Instant now) {
        Instant latest = now.plus(maximum);
        if (requested.isEmpty()) {
            return now.plus(byDefault);
        }
        if (requested.get().isAfter(latest)) {
            throw new InvalidFieldException("expiresAt", "must be at most " + maximum.toHours()
                    + "h from now (" + latest + "): waivers are temporary, grant a new one when it lapses");
        }
        return requested.get();
    }
}
