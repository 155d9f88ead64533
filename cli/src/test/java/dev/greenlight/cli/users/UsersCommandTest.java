package dev.greenlight.cli.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.platform.security.UserAccount;
import dev.greenlight.platform.security.UserDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UsersCommandTest {

    @TempDir
    Path dir;

    @Test
    void addingAUserPrintsATokenOnceThatTheServicesAcceptWhileTheFileKeepsOnlyItsHash() throws Exception {
        // given no users file yet
        Path file = dir.resolve("conf/users.yml");
        // when
        Run run = run("users", "add", "grace", "--roles", "auditor,engineer", "--file", file.toString());
        // then
        assertThat(run.exitCode()).isZero();
        String token = run.out().lines().reduce((first, second) -> second).orElseThrow();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(run.out()).contains("shown only this once");
        assertThat(Files.readString(file)).doesNotContain(token);
        UserAccount grace = new UserDirectory(UserDirectory.read(file)).byToken(token).orElseThrow();
        assertThat(grace.name()).isEqualTo("grace");
        assertThat(grace.roles()).containsExactlyInAnyOrder("auditor", "engineer");
    }

    @Test
    void eachUserGetsTheirOwnTokenAndEarlierUsersAreKept() throws Exception {
        Path file = dir.resolve("users.yml");
        String first = lastLine(run("users", "add", "ci-eu", "--roles", "publisher", "--targets", "ict-*,rl-policy",
                "--file", file.toString()));
        String second = lastLine(run("users", "add", "heidi", "--roles", "risk", "--file", file.toString()));

        assertThat(first).isNotEqualTo(second);
        UserDirectory users = new UserDirectory(UserDirectory.read(file));
        assertThat(users.byToken(first)).get().satisfies(u -> {
            assertThat(u.name()).isEqualTo("ci-eu");
            assertThat(u.targets()).containsExactly("ict-*", "rl-policy");
        });
        assertThat(users.byToken(second)).map(UserAccount::name).contains("heidi");
    }

    @Test
    void aDuplicateNameIsRefusedAndTheFileIsLeftAsItWas() throws Exception {
        Path file = dir.resolve("users.yml");
        run("users", "add", "ivan", "--roles", "founder", "--file", file.toString());
        String before = Files.readString(file);

        Run again = run("users", "add", "ivan", "--roles", "risk", "--file", file.toString());

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("'ivan' already exists");
        assertThat(again.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aNameOrAliasHidingAnInvisibleCharacterIsRefusedWithTheReasonAndTheFileIsLeftAsItWas() throws Exception {
        Path file = dir.resolve("users.yml");
        run("users", "add", "ivan", "--roles", "founder", "--file", file.toString());
        String before = Files.readString(file);

        Run zeroWidth = run("users", "add", "b\u200Bob", "--roles", "risk", "--file", file.toString());
        Run bidi = run("users", "add", "bob", "--roles", "risk", "--aliases", "bob\u202E", "--file", file.toString());

        assertThat(zeroWidth.exitCode()).isNotZero();
        assertThat(zeroWidth.err()).contains("zero-width character U+200B");
        assertThat(bidi.exitCode()).isNotZero();
        assertThat(bidi.err()).contains("--aliases").contains("bidi control");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aliasesAreStoredCanonicalSoTheServicesKnowThePersonUnderEachOfThem() throws Exception {
        Path file = dir.resolve("users.yml");
        String token = lastLine(run("users", "add", "Bob", "--roles", "code-review", "--aliases",
                "Bob-GH,bob@example.com", "--file", file.toString()));

        UserDirectory users = new UserDirectory(UserDirectory.read(file));
        assertThat(users.byToken(token)).get().satisfies(u -> {
            assertThat(u.name()).isEqualTo("bob");
            assertThat(u.aliases()).containsExactly("bob-gh", "bob@example.com");
        });
        assertThat(users.resolve("BOB@EXAMPLE.COM").name()).isEqualTo("bob");
        assertThat(run("users", "list", "--file", file.toString()).out()).contains("bob-gh,bob@example.com");
    }

    @Test
    void anAliasThatIsAlreadySomeoneElsesNameIsRefused() throws Exception {
        Path file = dir.resolve("users.yml");
        run("users", "add", "carol", "--roles", "risk", "--file", file.toString());
        String before = Files.readString(file);

        Run clash = run("users", "add", "mallory", "--roles", "risk", "--aliases", "Carol", "--file", file.toString());
        Run sameName = run("users", "add", " CAROL ", "--roles", "risk", "--file", file.toString());

        assertThat(clash.exitCode()).isNotZero();
        assertThat(clash.err()).contains("carol").contains("one person");
        assertThat(sameName.exitCode()).isNotZero();
        assertThat(sameName.err()).contains("'carol' already exists");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void listingShowsNamesRolesAndTargetsButNeverHashes() throws Exception {
        Path file = dir.resolve("users.yml");
        run("users", "add", "judy", "--roles", "risk,auditor", "--file", file.toString());
        run("users", "add", "ci", "--roles", "publisher", "--targets", "*", "--file", file.toString());
        List<String> hashes = UserDirectory.read(file).stream().map(UserAccount::tokenSha256).toList();

        Run list = run("users", "list", "--file", file.toString());

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("judy").contains("auditor,risk").contains("ci").contains("publisher")
                .contains("*");
        hashes.forEach(hash -> assertThat(list.out()).doesNotContain(hash));
    }

    @Test
    void rolesAreRequired() {
        Run run = run("users", "add", "kim", "--file", dir.resolve("users.yml").toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--roles");
        assertThat(dir.resolve("users.yml")).doesNotExist();
    }

    private static String lastLine(Run run) {
        assertThat(run.exitCode()).isZero();
        return run.out().lines().reduce((first, second) -> second).orElseThrow();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    record Run(int exitCode, String out, String err) {
    }
}
