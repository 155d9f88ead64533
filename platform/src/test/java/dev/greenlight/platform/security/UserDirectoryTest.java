package dev.greenlight.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aUsersFileMapsEachTokenToItsUserWithoutStoringTheToken() throws Exception {
        Path file = dir.resolve("users.yml");
        Files.writeString(file, """
                users:
                  - name: ci-github
                    roles: [publisher]
                    tokenSha256: %s
                    targets: ["trading-*"]
                  - name: grace
                    roles: [auditor]
                    tokenSha256: %s
                """.formatted(TokenHashes.sha256("s3cret-ci"), TokenHashes.sha256("s3cret-grace")));

        UserDirectory users = new UserDirectory(UserDirectory.read(file));

        assertThat(Files.readString(file)).doesNotContain("s3cret");
        assertThat(users.byToken("s3cret-ci")).hasValueSatisfying(u -> {
            assertThat(u.name()).isEqualTo("ci-github");
            assertThat(u.targets()).containsExactly("trading-*");
        });
        assertThat(users.byToken("s3cret-grace").map(UserAccount::roles)).contains(Set.of("auditor"));
        assertThat(users.byToken("s3cret-nobody")).isEmpty();
    }

    @Test
    void aMalformedFileStopsStartupNamingTheFileAndTheProblem() throws Exception {
        Path file = dir.resolve("users.yml");
        Files.writeString(file, """
                users:
                  - name: grace
                    roles: [auditor]
                    tokenSha256: not-a-hash
                """);

        assertThatThrownBy(() -> UserDirectory.read(file))
                .hasMessageContaining(file.toString()).hasMessageContaining("tokenSha256");
    }

    @Test
    void twoUsersMayNotShareAToken() {
        String hash = TokenHashes.sha256("same");
        assertThatThrownBy(() -> new UserDirectory(List.of(
                new UserAccount("a", Set.of(), hash, List.of()), new UserAccount("b", Set.of(), hash, List.of()))))
                .hasMessageContaining("'a'").hasMessageContaining("'b'");
    }

    @Test
    void publisherScopesAreGlobPatternsOverTargets() {
        Actor ci = new Actor("ci", Set.of("publisher"), List.of("trading-*", "rl-policy"));

        assertThat(ci.mayPublishFor("trading-ict-qm")).isTrue();
        assertThat(ci.mayPublishFor("rl-policy")).isTrue();
        assertThat(ci.mayPublishFor("rl-policy-2")).isFalse();
        assertThat(ci.mayPublishFor("ops")).isFalse();
        assertThat(new Actor("alice", Set.of("engineer"), List.of()).mayPublishFor("trading-x")).isFalse();
    }
}
