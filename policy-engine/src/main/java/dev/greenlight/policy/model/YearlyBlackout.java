package dev.greenlight.policy.model;

import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Fixed calendar dates every year, both days inclusive; may wrap the year boundary
 * (Dec 20 - Jan 5), which is why it is not a plain date range.
 */
public record YearlyBlackout(MonthDay from, MonthDay to) implements Blackout {

    @Override
    public boolean contains(ZonedDateTime time) {
        MonthDay day = MonthDay.from(time);
        boolean wraps = from.isAfter(to);
        return wraps ? !day.isBefore(from) || !day.isAfter(to) : !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public ZonedDateTime nextBoundaryAfter(ZonedDateTime time) {
        ZonedDateTime best = null;
        for (int year = time.getYear() - 1; year <= time.getYear() + 1; year++) {
            ZonedDateTime start = from.atYear(year).atStartOfDay(time.getZone());
            ZonedDateTime end = to.atYear(from.isAfter(to) ? year + 1 : year).plusDays(1).atStartOfDay(time.getZone());
            for (ZonedDateTime candidate : new ZonedDateTime[] {start, end}) {
                if (candidate.isAfter(time) && (best == null || candidate.isBefore(best))) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    @Override
    public String describe() {
        return label(from) + " - " + label(to);
    }

    private static String label(MonthDay day) {
        return day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + day.getDayOfMonth();
    }
}
