package dev.greenlight.policy.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which releases a policy is meant for, so a release can be matched to its default policy by
 * target name and release type instead of by a hard-coded table.
 *
 * @param targets glob patterns over target names; {@code *} matches any run of characters
 * @param releaseTypes release types covered; empty means every type
 */
public record Governs(List<String> targets, Set<ReleaseType> releaseTypes) {

    public Governs {
        targets = List.copyOf(targets);
        releaseTypes = Set.copyOf(releaseTypes);
    }

    public boolean matches(String target, ReleaseType type) {
        boolean typeOk = releaseTypes.isEmpty() || releaseTypes.contains(type);
        return typeOk && targets.stream().anyMatch(glob -> globToRegex(glob).matcher(target).matches());
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
