package dev.greenlight.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The known users, indexed by token hash. Loaded once at startup; a malformed file stops the
 * service with the reason rather than letting it run with fewer users than the operator wrote.
 */
public final class UserDirectory {

    private final Map<String, UserAccount> byTokenHash;

    public UserDirectory(List<UserAccount> users) {
        Map<String, UserAccount> index = new HashMap<>();
        for (UserAccount user : users) {
            UserAccount clash = index.putIfAbsent(user.tokenSha256(), user);
            if (clash != null) {
                throw new IllegalArgumentException("users '" + clash.name() + "' and '" + user.name()
                        + "' share a token; every user needs their own");
            }
        }
        this.byTokenHash = Map.copyOf(index);
    }

    /** Reads a users file: {@code users: [{name, roles, tokenSha256, targets}]}. */
    public static List<UserAccount> read(Path file) {
        try {
            UsersFile parsed = YAMLMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(Files.readString(file), UsersFile.class);
            return parsed.users() == null ? List.of() : new ArrayList<>(parsed.users());
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read users file " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<UserAccount> byToken(String token) {
        return Optional.ofNullable(byTokenHash.get(TokenHashes.sha256(token)));
    }

    public boolean contains(String name) {
        return byTokenHash.values().stream().anyMatch(u -> u.name().equals(name));
    }

    record UsersFile(List<UserAccount> users) {
    }
}
