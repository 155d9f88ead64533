package dev.greenlight.policy.model;

import java.time.ZonedDateTime;

/**
 * A period in which releases are frozen. Each kind can say whether a local time falls inside it
 * and when it next starts or ends, which is what the engine needs for status and nextChangeAt.
 */
public sealed interface Blackout permits YearlyBlackout, WeeklyBlackout, DateRangeBlackout {

    boolean contains(ZonedDateTime time);

    /** The earliest start or end of this blackout strictly after {@code time}; null if none. */
    ZonedDateTime nextBoundaryAfter(ZonedDateTime time);

    /** Human description, e.g. "Dec 20 - Jan 5". */
    String describe();
}
