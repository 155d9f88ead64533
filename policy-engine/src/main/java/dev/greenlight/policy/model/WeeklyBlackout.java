package dev.greenlight.policy.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * A recurring weekly freeze such as Fri 16:00 - Mon 08:00: start inclusive, end exclusive. It may
 * wrap the end of the week.
 */
public record WeeklyBlackout(DayOfWeek fromDay, LocalTime fromTime, DayOfWeek toDay, LocalTime toTime)
        implements Blackout {

    private static final long MINUTES_PER_WEEK = 7 * 24 * 60;

    @Override
    public boolean contains(ZonedDateTime time) {
        long start = minuteOfWeek(fromDay, fromTime);
        long end = minuteOfWeek(toDay, toTime);
        long now = minuteOfWeek(time.getDayOfWeek(), time.toLocalTime().truncatedTo(ChronoUnit.MINUTES));
        return start <= end ? now >= start && now < end : now >= start || now < end;
    }

    @Override
    public ZonedDateTime nextBoundaryAfter(ZonedDateTime time) {
        ZonedDateTime start = next(time, fromDay, fromTime);
        ZonedDateTime end = next(time, toDay, toTime);
        return start.isBefore(end) ? start : end;
    }

    @Override
    public String describe() {
        return label(fromDay) + " " + fromTime + " - " + label(toDay) + " " + toTime;
    }

    private static ZonedDateTime next(ZonedDateTime time, DayOfWeek day, LocalTime at) {
        ZonedDateTime candidate = time.with(TemporalAdjusters.nextOrSame(day)).with(at);
        return candidate.isAfter(time) ? candidate : candidate.plusWeeks(1);
    }

    private static long minuteOfWeek(DayOfWeek day, LocalTime time) {
        return ((day.getValue() - 1) * 24L * 60 + time.getHour() * 60L + time.getMinute()) % MINUTES_PER_WEEK;
    }

    private static String label(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
