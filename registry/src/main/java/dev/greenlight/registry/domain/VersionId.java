package dev.greenlight.registry.domain;

/**
 * A version path segment: a positive version number, or "latest" (also spelt {@code -1}).
 * Parsing here keeps Confluent's 42202 rule in one place.
 */
public record VersionId(int number) {

    private static final int LATEST = -1;

    public static VersionId latest() {
        return new VersionId(LATEST);
    }

    public static VersionId parse(String text) {
        if ("latest".equals(text)) {
            return latest();
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidVersionException(text);
        }
        if (number != LATEST && number < 1) {
            throw new InvalidVersionException(text);
        }
        return new VersionId(number);
    }

    public boolean isLatest() {
        return number == LATEST;
    }
}
