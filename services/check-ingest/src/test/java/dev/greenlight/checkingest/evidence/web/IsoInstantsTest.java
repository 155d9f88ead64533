package dev.greenlight.checkingest.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast timestamp path accepts and means exactly what {@link Instant#parse} does. */
class IsoInstantsTest {

    @Test
    void acceptsWhatInstantParseAcceptsWithTheSameMeaning() {
        for (String text : List.of("2026-11-22T10:15:30Z", "2026-11-22T10:15:30.5Z", "2026-11-22T10:15:30.123456789Z",
                "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "2026-12-31T23:59:60Z", "2026-11-22T24:00:00Z")) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void agreesWithInstantParseOnUnusualForms() {
        for (String text : List.of("2026-11-22T10:15Z", "+12026-11-22T10:15:30Z", "2026-11-22t10:15:30z",
                "2026-11-22T10:15:30.000000000Z", "2026-11-22T10:15:30,5Z", "2026-11-22T10:15:30.Z",
                "2026-11-22T10:15:30.1234567890Z", "２０２６-11-22T10:15:30Z")) {
            assertThat(outcome(() -> IsoInstants.parse(text))).as(text).isEqualTo(outcome(() -> Instant.parse(text)));
        }
    }

    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get().toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String text : List.of("2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z", "2026-11-22T10:61:30Z",
                "2026-11-22T10:15:30", "2026-11-22 10:15:30Z", "2026-11-2aT10:15:30Z", "2026-11-22T10:15:30+01:00x", "", "tomorrow")) {
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
