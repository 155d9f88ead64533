package dev.greenlight.checkingest.release.domain;

import dev.greenlight.events.ReleaseType;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A release candidate as its author registers it. Construction validates every field, so an
 * invalid candidate cannot exist and nothing is published for it.
 */
public record ReleaseCandidate(String target, SemanticVersion version, ReleaseType type, String revision,
                               String author, Optional<String> changelog, Optional<String> policy) {

    /** Targets are Kafka keys, URL path segments and policy match subjects: keep them simple. */
    private static final Pattern TARGET = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final Pattern REVISION = Pattern.compile("[0-9a-f]{7,64}");

    public ReleaseCandidate {
        require("target", target != null && TARGET.matcher(target).matches(),
                "must be 1-128 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
        Objects.requireNonNull(version, "version");
        require("type", type != null, "is required");
        require("revision", revision != null && REVISION.matcher(revision).matches(),
                "must be a git commit id: 7 to 64 lowercase hex digits");
        require("author", author != null && !author.isBlank() && author.length() <= 128,
                "is required (at most 128 characters)");
        changelog = changelog == null ? Optional.empty() : changelog;
        policy = policy == null ? Optional.empty() : policy;
    }

    /** The id users see and type: {@code target@version}. */
    public String releaseId() {
        return target + "@" + version;
    }

    private static void require(String field, boolean valid, String rule) {
        if (!valid) {
            throw new InvalidFieldException(field, rule);
        }
    }
}
