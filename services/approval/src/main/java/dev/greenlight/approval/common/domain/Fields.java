package dev.greenlight.approval.common.domain;

import dev.greenlight.platform.failures.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Field rules shared by every request of the service. Each rule throws
 * {@link InvalidFieldException} naming the field, so a refused request writes nothing and tells the
 * caller exactly what to fix.
 */
public final class Fields {

    /** Same rule as check-ingest applies at registration: targets are Kafka keys and URL segments. */
    private static final Pattern TARGET = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    /** The regular expression published with Semantic Versioning 2.0.0. */
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    /** Roles and criteria are named in policies in lower-case kebab case. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9:._-]{0,63}");
    /**
     * Expiries and windows further ahead than this are almost certainly typos (a year instead of a
     * month) and would silently keep a sign-off or waiver alive for good.
     */
    public static final Duration MAX_HORIZON = Duration.ofDays(366);

    private Fields() {
    }

    public static String target(String value) {
        require("target", value != null && TARGET.matcher(value).matches(),
                "must be 1-128 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
        return value;
    }

    public static String version(String field, String value) {
        require(field, value != null, "is required");
        require(field, SEMVER.matcher(value).matches(),
                "must follow Semantic Versioning 2.0.0 (e.g. 1.2.3, 1.2.4-hotfix.1) but was '" + value + "'");
        return value;
    }

    /** A policy name such as a role or a criterion. */
    public static String name(String field, String value) {
        require(field, value != null && NAME.matcher(value).matches(),
                "must be a lower-case name as written in the policy (letters, digits, '-', '.', '_', ':')");
        return value;
    }

    public static String text(String field, String value, int maxLength) {
        require(field, value != null && !value.isBlank(), "is required");
        require(field, value.length() <= maxLength, "must be at most " + maxLength + " characters");
        return value;
    }

    public static Optional<String> optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(text(field, value, maxLength));
    }

    /** ISO-8601 instant with offset, e.g. {@code 2026-12-01T10:00:00Z}. */
    public static Instant instant(String field, String value) {
        require(field, value != null, "is required");
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an ISO-8601 UTC timestamp such as 2026-12-01T10:00:00Z "
                    + "but was '" + value + "'");
        }
    }

    public static Optional<Instant> optionalFuture(String field, String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        Instant instant = instant(field, value);
        require(field, instant.isAfter(now), "must be in the future");
        notTooFar(field, instant, now);
        return Optional.of(instant);
    }

    public static Instant notTooFar(String field, Instant instant, Instant now) {
        require(field, !instant.isAfter(now.plus(MAX_HORIZON)),
                "must be at most " + MAX_HORIZON.toDays() + " days in the future");
        return instant;
    }

    public static void require(String field, boolean valid, String rule) {
        if (!valid) {
            throw new InvalidFieldException(field, rule);
        }
    }
}
