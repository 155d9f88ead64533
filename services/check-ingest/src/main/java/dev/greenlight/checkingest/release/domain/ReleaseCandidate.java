package dev.greenlight.checkingest.release.domain;

import dev.greenlight.events.ReleaseType;
import dev.greenlight.identity.Identity;
import java.util.Objects;
import java.util.Optional;

/**
 * A release candidate as its author registers it. Construction validates every field, so an
 * invalid candidate cannot exist and nothing is published for it; the author is kept as its
 * canonical {@link Identity}.
 */
public record ReleaseCandidate(String target, SemanticVersion version, ReleaseType type, String revision,
                               String author, Optional<String> changelog, Optional<String> policy,
                               Optional<SemanticVersion> previousVersion) {

    public ReleaseCandidate {
        require("target", Identifiers.isTarget(target), Identifiers.TARGET_RULE);
        Objects.requireNonNull(version, "version");
        require("type", type != null, "is required");
        require("revision", Identifiers.isRevision(revision), Identifiers.REVISION_RULE);
        require("author", author != null && !author.isBlank() && author.length() <= 128,
                "is required (at most 128 characters)");
        // The author gates four-eyes: a name with a hidden character is refused, not cleaned up,
        // and every spelling of one name (case, spacing, Unicode width) becomes the same identity.
        Optional<String> problem = Identity.problem(author);
        require("author", problem.isEmpty(), problem.map(p -> p + ": names may not hide characters").orElse(""));
        author = Identity.of(author).canonical();
        changelog = changelog == null ? Optional.empty() : changelog;
        policy = policy == null ? Optional.empty() : policy;
        previousVersion = previousVersion == null ? Optional.empty() : previousVersion;
        // A release replaces an older one; "replacing" a newer one would read as a downgrade bump.
        require("previousVersion", previousVersion.map(before -> before.compareTo(version) < 0).orElse(true),
                "must be lower than version " + version);
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
