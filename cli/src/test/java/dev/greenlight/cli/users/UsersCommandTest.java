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
