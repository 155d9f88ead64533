package dev.greenlight.checkingest.evidence.domain;

import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validation rules shared by all evidence. */
final class Fields {

    /** Client idempotency keys become {@code meta.eventId}: printable, bounded, no whitespace. */
    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private Fields() {
    }

    static void require(String field, boolean valid, String rule) {
        if (!valid) {
            throw new InvalidFieldException(field, rule);
        }
    }

    static Optional<String> optionalText(String field, Optional<String> text, int maxLength) {
        Optional<String> value = text == null ? Optional.empty() : text;
        value.ifPresent(t -> require(field, t.length() <= maxLength, "must be at most " + maxLength + " characters"));
        return value;
    }

    static Optional<String> eventId(Optional<String> eventId) {
        Optional<String> value = eventId == null ? Optional.empty() : eventId;
        value.ifPresent(id -> require("eventId", EVENT_ID.matcher(id).matches(),
                "must be 1-200 printable ASCII characters without spaces"));
        return value;
    }
}
