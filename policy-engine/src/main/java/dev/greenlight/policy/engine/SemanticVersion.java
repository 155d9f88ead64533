package dev.greenlight.policy.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a SemVer 2.0.0 version the version rules need: major and whether it is a pre-release. */
record SemanticVersion(int major, int minor, int patch, String preRelease) {

    private static final Pattern SEMVER = Pattern.compile(
            "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    static Optional<SemanticVersion> parse(String text) {
        Matcher m = text == null ? null : SEMVER.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4)));
    }

    boolean isPreRelease() {
        return preRelease != null;
    }

    /**
     * A pre-release in the release-process sense: a SemVer pre-release part whose first identifier
     * is not one of {@code releaseTags} (lower case), so {@code 1.2.4-hotfix.1} is a release when
     * {@code hotfix} is listed and {@code 1.2.4-rc.1} never is.
     */
    boolean isPreReleaseExcept(Set<String> releaseTags) {
        if (preRelease == null) {
            return false;
        }
        String first = preRelease.split("\\.", 2)[0].toLowerCase(Locale.ROOT);
        return !releaseTags.contains(first);
    }
}
