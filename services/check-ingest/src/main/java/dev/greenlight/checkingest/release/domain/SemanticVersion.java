package dev.greenlight.checkingest.release.domain;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version. Release rules depend on its parts (a MAJOR bump needs more
 * approvals, a pre-release may not reach production), so versions are parsed once at the edge and
 * refused there when malformed, instead of being carried around as strings nobody checked.
 */
public record SemanticVersion(long major, long minor, long patch, Optional<String> preRelease,
                              Optional<String> buildMetadata) implements Comparable<SemanticVersion> {

    // The regular expression published with the SemVer 2.0.0 specification.
    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    /** Parses {@code text}, which must be a version without a leading {@code v}. */
    public static SemanticVersion parse(String text) {
        Matcher m = text == null ? null : SEMVER.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Semantic Versioning 2.0.0 version"
                    + " (MAJOR.MINOR.PATCH with optional -pre.release and +build)");
        }
        try {
            return new SemanticVersion(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)), Optional.ofNullable(m.group(4)), Optional.ofNullable(m.group(5)));
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("'" + text + "' has a version number too large", tooLarge);
        }
    }

    /**
     * Precedence as SemVer 2.0.0 §11 defines it: numbers numerically, a pre-release below its
     * release, pre-release identifiers one by one (numeric below alphanumeric), build metadata
     * ignored — so {@code 1.0.0+a} and {@code 1.0.0+b} compare equal although they are not equal.
     */
    @Override
    public int compareTo(SemanticVersion other) {
        int core = Comparator.comparingLong(SemanticVersion::major).thenComparingLong(SemanticVersion::minor)
                .thenComparingLong(SemanticVersion::patch).compare(this, other);
        if (core != 0) {
            return core;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        String[] mine = preRelease.get().split("\\.");
        String[] theirs = other.preRelease.get().split("\\.");
        for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
            int order = compareIdentifier(mine[i], theirs[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(mine.length, theirs.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            // Identifiers have no leading zeros (the pattern refuses them), so length orders first.
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }

    public boolean isPreRelease() {
        return preRelease.isPresent();
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + preRelease.map(p -> "-" + p).orElse("")
                + buildMetadata.map(b -> "+" + b).orElse("");
    }
}
