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

    @Test
    void aUserMayDeclareAliases_andIsFoundUnderAnySpellingOfAnyOfThem() throws Exception {
        Path file = dir.resolve("users.yml");
        Files.writeString(file, """
                users:
                  - name: Bob
                    roles: [code-review]
                    tokenSha256: %s
                    aliases: [bob@example.com, " bob-GH "]
                """.formatted(TokenHashes.sha256("s3cret-bob")));

        UserDirectory users = new UserDirectory(UserDirectory.read(file));

        assertThat(users.byToken("s3cret-bob").orElseThrow().name()).isEqualTo("bob");
        assertThat(users.byToken("s3cret-bob").orElseThrow().aliases()).containsExactly("bob@example.com", "bob-gh");
        for (String spelling : List.of("bob", " Bob ", "BOB", "\uFF42\uFF4F\uFF42", "BOB@example.com", "bob-gh")) {
            assertThat(users.resolve(spelling).name()).as(spelling).isEqualTo("bob");
        }
        assertThat(users.resolve("carol").aliases()).isEmpty();
    }

    @Test
    void aNameWithAnInvisibleCharacterStopsStartupWithTheReason() throws Exception {
        Path file = dir.resolve("users.yml");
        Files.writeString(file, """
                users:
                  - name: "bo\u200Bb"
                    roles: [auditor]
                    tokenSha256: %s
                """.formatted(TokenHashes.sha256("t")));

        assertThatThrownBy(() -> UserDirectory.read(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("name").hasMessageContaining("zero-width character U+200B");
    }

    @Test
    void anAliasWithABidiControlStopsStartupWithTheReason() throws Exception {
        Path file = dir.resolve("users.yml");
        Files.writeString(file, """
                users:
                  - name: bob
                    roles: [auditor]
                    tokenSha256: %s
                    aliases: ["bob\u202E"]
                """.formatted(TokenHashes.sha256("t")));

        assertThatThrownBy(() -> UserDirectory.read(file)).hasMessageContaining("alias")
                .hasMessageContaining("bidi control");
    }

    @Test
    void oneNameMayNotBelongToTwoPeople() {
        assertThatThrownBy(() -> new UserDirectory(List.of(
                new UserAccount("bob", Set.of(), TokenHashes.sha256("1"), List.of(), List.of("robert")),
                new UserAccount("Robert", Set.of(), TokenHashes.sha256("2"), List.of()))))
                .hasMessageContaining("robert").hasMessageContaining("one person");
    }
}
