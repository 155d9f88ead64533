package dev.greenlight.cli.users;

import dev.greenlight.platform.security.UserAccount;
import dev.greenlight.platform.security.UserDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes the users file in the format the services load ({@link UserDirectory#read}).
 * Writing replaces the file atomically, so a service starting meanwhile never reads half a file;
 * comments in a hand-edited file are not preserved.
 */
final class UsersFile {

    private UsersFile() {
    }

    /** The users in {@code file}; none when it does not exist yet. */
    static List<UserAccount> read(Path file) {
        return Files.exists(file) ? UserDirectory.read(file) : List.of();
    }

    static void write(Path file, List<UserAccount> users) throws IOException {
        List<Entry> entries = users.stream()
                .map(u -> new Entry(u.name(), u.roles().stream().sorted().toList(), u.tokenSha256(), u.targets(),
                        u.aliases().isEmpty() ? null : u.aliases()))
                .toList();
        String yaml = YAMLMapper.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .build()
                .writeValueAsString(new Document(entries));
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".users", ".yml.tmp");
        try {
            Files.writeString(temp, yaml);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Field order of the file: name first, so a reader scanning it sees who before what. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String name, List<String> roles, String tokenSha256, List<String> targets, List<String> aliases) {
    }

    record Document(List<Entry> users) {
    }
}
