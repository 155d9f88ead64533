package dev.greenlight.policy.model;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/** A one-off freeze (e.g. a major business event), both dates inclusive. */
public record DateRangeBlackout(LocalDate from, LocalDate to) implements Blackout {

    @Override
    public boolean contains(ZonedDateTime time) {
        LocalDate day = time.toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public ZonedDateTime nextBoundaryAfter(ZonedDateTime time) {
        ZonedDateTime start = from.atStartOfDay(time.getZone());
        ZonedDateTime end = to.plusDays(1).atStartOfDay(time.getZone());
        if (start.isAfter(time)) {
            return start;
        }
        return end.isAfter(time) ? end : null;
    }

    @Override
    public String describe() {
        return from + " - " + to;
    }
}
