package dev.greenlight.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One person and every external identity they are known by (a GitHub login, an e-mail address).
 * Four-eyes asks {@link #sameAs}: does any name of one denote any name of the other? Names are
 * compared by {@link Identity#comparisonKey}, so names taken from records that never went through
 * the strict door (forged or historical events) compare the same way.
 *
 * @param name    the primary name, recorded as principal / approver / author
 * @param aliases the person's other names (canonical; may be empty)
 */
public record Person(String name, Set<String> aliases) {

    public Person {
        aliases = Set.copyOf(aliases);
    }

    /** Someone known only by one name. */
    public static Person named(String name) {
        return new Person(name, Set.of());
    }

    /** A person from recorded names; null or blank aliases are ignored. */
    public static Person of(String name, Collection<? extends CharSequence> aliases) {
        Set<String> kept = new LinkedHashSet<>();
        if (aliases != null) {
            aliases.stream().filter(a -> a != null && !a.toString().isBlank()).forEach(a -> kept.add(a.toString()));
        }
        return new Person(name, kept);
    }

    /** Every comparison key of this person: its name and aliases. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        Stream.concat(Stream.of(name), aliases.stream()).map(Identity::comparisonKey).filter(k -> !k.isEmpty())
                .forEach(keys::add);
        return keys;
    }

    /** Whether {@code raw} is one of this person's names. */
    public boolean knownAs(String raw) {
        String key = Identity.comparisonKey(raw);
        return !key.isEmpty() && keys().contains(key);
    }

    /** Whether the two share any name: then they are the same person for four-eyes. */
    public boolean sameAs(Person other) {
        Set<String> mine = keys();
        return other.keys().stream().anyMatch(mine::contains);
    }
}
