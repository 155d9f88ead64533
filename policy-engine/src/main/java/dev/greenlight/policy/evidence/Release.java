package dev.greenlight.policy.evidence;

import dev.greenlight.identity.Person;
import dev.greenlight.policy.model.ReleaseType;
import java.util.Set;

/**
 * The release being gated, as last registered. The revision binds checks and approvals to the
 * exact code reviewed.
 *
 * @param author        the author's (canonical, primary) name
 * @param authorAliases the author's other identities known at registration (GitHub login, e-mail),
 *                      so four-eyes recognises them under any of their names
 */
public record Release(String id, String target, String version, ReleaseType type, String revision, String author,
                      Set<String> authorAliases) implements EvidenceItem {

    public Release {
        authorAliases = authorAliases == null ? Set.of() : Set.copyOf(authorAliases);
    }

    /** A release whose author is known by one name only. */
    public Release(String id, String target, String version, ReleaseType type, String revision, String author) {
        this(id, target, version, type, revision, author, Set.of());
    }

    /** Whether {@code name} is one of the author's names (four-eyes). */
    public boolean authoredBy(String name) {
        return Person.of(author, authorAliases).knownAs(name);
    }
}
