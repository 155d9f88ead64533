package dev.greenlight.policy.parser;

import dev.greenlight.policy.model.Blackout;
import dev.greenlight.policy.model.DateRangeBlackout;
import dev.greenlight.policy.model.WeeklyBlackout;
import dev.greenlight.policy.model.YearlyBlackout;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one blackout: {@code yearly: {from: "12-20", to: "01-05"}},
 * {@code weekly: {from: "FRI 16:00", to: "MON 08:00"}} or
 * {@code dates: {from: 2026-03-01, to: 2026-03-03}}.
 */
final class BlackoutReader {

    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY,
            "SAT", DayOfWeek.SATURDAY, "SUN", DayOfWeek.SUNDAY);

    private BlackoutReader() {
    }

    static Blackout read(Mapping blackout) {
        Blackout result;
        if (blackout.has("yearly")) {
            Mapping range = blackout.mapping("yearly", "yearly");
            result = new YearlyBlackout(monthDay(range, "from"), monthDay(range, "to"));
            range.rejectUnknownKeys();
        } else if (blackout.has("weekly")) {
            Mapping range = blackout.mapping("weekly", "weekly");
            String[] from = dayTime(range, "from");
            String[] to = dayTime(range, "to");
            result = new WeeklyBlackout(DAYS.get(from[0]), time(range, "from", from[1]), DAYS.get(to[0]),
                    time(range, "to", to[1]));
            range.rejectUnknownKeys();
        } else if (blackout.has("dates")) {
            Mapping range = blackout.mapping("dates", "dates");
            LocalDate from = date(range, "from");
            LocalDate to = date(range, "to");
            if (to.isBefore(from)) {
                throw range.failAt("to", "'to' " + to + " is before 'from' " + from);
            }
            result = new DateRangeBlackout(from, to);
            range.rejectUnknownKeys();
        } else {
            throw blackout.fail(blackout.line(), "a blackout is 'yearly', 'weekly' or 'dates'");
        }
        blackout.optionalString("description");
        blackout.rejectUnknownKeys();
        return result;
    }

    private static MonthDay monthDay(Mapping range, String key) {
        String text = range.string(key);
        try {
            return MonthDay.parse("--" + text.trim());
        } catch (DateTimeException e) {
            throw range.failAt(key, "'" + key + "' must be a month-day like 12-20, not '" + text + "'");
        }
    }

    private static String[] dayTime(Mapping range, String key) {
        String text = range.string(key);
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2 || !DAYS.containsKey(parts[0].toUpperCase(Locale.ROOT))) {
            throw range.failAt(key, "'" + key + "' must be a weekday and time like 'FRI 16:00', not '" + text + "'");
        }
        parts[0] = parts[0].toUpperCase(Locale.ROOT);
        return parts;
    }

    private static LocalTime time(Mapping range, String key, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            throw range.failAt(key, "'" + text + "' is not a time like 16:00");
        }
    }

    private static LocalDate date(Mapping range, String key) {
        String text = range.string(key);
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw range.failAt(key, "'" + key + "' must be a date like 2026-03-01, not '" + text + "'");
        }
    }
}
