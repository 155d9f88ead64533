package dev.greenlight.checkingest.evidence.application;

import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;

/** Future timestamps would make evidence look fresher, for longer, than it is. */
final class Timestamps {

    private Timestamps() {
    }

    static void notInFuture(String field, Instant at, Instant now, Duration skew) {
        if (at != null && at.isAfter(now.plus(skew))) {
            throw new InvalidFieldException(field, "must not be in the future (more than " + skew
                    + " after the server's clock, " + now + ")");
        }
    }
}
