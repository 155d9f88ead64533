package dev.greenlight.platform.security;

import dev.greenlight.identity.Identity;
import dev.greenlight.identity.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The known users, indexed by token hash, and the people they are: each user's canonical name
 * and aliases, plus aliases declared for people authenticated elsewhere (JWT mode). Loaded once
 * at startup; a malformed file stops the service with the reason rather than letting it run with
 * fewer users than the operator wrote. One name belongs to one person: a name or alias claimed
 * by two people stops the service too, or four-eyes could not tell who is who.
 */
public final class UserDirectory {

    private final Map<String, UserAccount> byTokenHash;
    private final Map<String, Person> byName;

    public UserDirectory(List<UserAccount> users) {
        this(users, Map.of());
    }

    /**
     * @param aliases more people's aliases by primary name, e.g. from {@code greenlight.security.aliases}
     *                (JWT mode has no users file); merged with a user of the same name
     */
    public UserDirectory(List<UserAccount> users, Map<String, List<String>> aliases) {
        Map<String, UserAccount> index = new HashMap<>();
        Map<String, Set<String>> people = new LinkedHashMap<>();
        for (UserAccount user : users) {
            UserAccount clash = index.putIfAbsent(user.tokenSha256(), user);
            if (clash != null) {
                throw new IllegalArgumentException("users '" + clash.name() + "' and '" + user.name()
                        + "' share a token; every user needs their own");
            }
            people.computeIfAbsent(user.name(), n -> new LinkedHashSet<>()).addAll(user.aliases());
        }
        aliases.forEach((name, names) -> {
            String primary = canonical("aliases of '" + name + "'", name);
            Set<String> known = people.computeIfAbsent(primary, n -> new LinkedHashSet<>());
            for (String alias : names == null ? List.<String>of() : names) {
                String canonical = canonical("alias of '" + primary + "'", alias);
                if (!canonical.equals(primary)) {
                    known.add(canonical);
                }
            }
        });
        Map<String, Person> byName = new HashMap<>();
        people.forEach((name, personAliases) -> {
            Person person = new Person(name, personAliases);
            for (String key : person.keys()) {
                Person other = byName.putIfAbsent(key, person);
                if (other != null && !other.name().equals(name)) {
                    throw new IllegalArgumentException("'" + key + "' names both '" + other.name() + "' and '"
                            + name + "'; a name or alias may belong to one person only");
                }
            }
        });
        this.byTokenHash = Map.copyOf(index);
        this.byName = Map.copyOf(byName);
    }

    /** Reads a users file: {@code users: [{name, roles, tokenSha256, targets, aliases}]}. */
    public static List<UserAccount> read(Path file) {
        try {
            UsersFile parsed = YAMLMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(Files.readString(file), UsersFile.class);
            List<UserAccount> users = parsed.users() == null ? List.of() : new ArrayList<>(parsed.users());
            new UserDirectory(users); // same checks as at start-up: shared tokens, a name used twice
            return users;
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read users file " + file + ": " + reason(e), e);
        }
    }

    public Optional<UserAccount> byToken(String token) {
        return Optional.ofNullable(byTokenHash.get(TokenHashes.sha256(token)));
    }

    /** Every user, each the very instance {@link #byToken} returns for their token. */
    Collection<UserAccount> accounts() {
        return byTokenHash.values();
    }

    /** Whether {@code name} is the name or an alias of a known person. */
    public boolean contains(String name) {
        return person(name).isPresent();
    }

    /** The person {@code name} denotes (by primary name or alias), compared as identities. */
    public Optional<Person> person(String name) {
        String key = Identity.comparisonKey(name);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(byName.get(key));
    }

    /**
     * The person behind a name that entered the system (a release author, a JWT name claim): the
     * directory's person when it knows the name under any spelling or alias, else someone known
     * by that canonical name alone. {@code name} must already be a valid identity.
     */
    public Person resolve(String name) {
        String canonical = Identity.of(name).canonical();
        return person(canonical).orElseGet(() -> Person.named(canonical));
    }

    private static String canonical(String what, String raw) {
        Optional<String> problem = Identity.problem(raw);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(what + ": '" + raw + "' " + problem.get());
        }
        return Identity.of(raw).canonical();
    }

    private static String reason(Exception e) {
        // Jackson wraps what a record's constructor refused; the operator needs the refusal itself.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
        }
        return e.getMessage();
    }

    record UsersFile(List<UserAccount> users) {
    }
}
