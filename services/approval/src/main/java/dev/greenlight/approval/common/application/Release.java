package dev.greenlight.approval.common.application;

import dev.greenlight.identity.Person;
import java.util.Set;

/**
 * What this service needs to know about a registered release: who wrote it and at which revision.
 * The author is a person known by their recorded name and every alias of theirs, so four-eyes
 * recognises them under any of those names.
 */
public record Release(String target, String version, String revision, String author, Set<String> authorAliases) {

    public Release {
        authorAliases = authorAliases == null ? Set.of() : Set.copyOf(authorAliases);
    }

    /** A release whose author is known by one name only. */
    public Release(String target, String version, String revision, String author) {
        this(target, version, revision, author, Set.of());
    }

    /** The author as a person, for four-eyes. */
    public Person authorPerson() {
        return Person.of(author, authorAliases);
    }
}
