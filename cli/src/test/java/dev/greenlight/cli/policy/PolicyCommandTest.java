package dev.greenlight.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandTest {

    private static final Path POLICIES = Path.of("..", "policies").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theShippedPoliciesValidate() {
        int exit = run("policy", "validate", POLICIES.resolve("rl-policy-go-nogo.yaml").toString(),
                POLICIES.resolve("trading-strategy.yaml").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("ok").contains("rl-policy-go-nogo.yaml").contains("sha256:");
    }

    @Test
    void anInvalidPolicyIsReportedWithFileAndLineAndFailsTheCommand() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(POLICIES.resolve("rl-policy-go-nogo.yaml"))
                .replaceFirst("kind: check", "kind: chek"));

        int exit = run("policy", "validate", broken.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL").containsPattern("broken\\.yaml:\\d+:").contains("chek");
    }

    @Test
    void validateSpeaksJsonForPipelines() {
        run("policy", "validate", "--output", "json", POLICIES.resolve("ops-release.yaml").toString());

        assertThat(out.toString()).contains("\"valid\":true").contains("\"contentHash\":");
    }

    @Test
    void theShippedPolicyTestsPass() {
        int exit = run("policy", "test", POLICIES.resolve("tests").toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).containsPattern("[1-9]\\d* passed, 0 failed");
    }

    @Test
    void aFailingExpectationFailsTheRunAndSaysWhere() throws Exception {
        Path tests = dir.resolve("tests");
        Files.createDirectories(tests);
        Path original = POLICIES.resolve("tests").resolve("rl-policy-go-nogo.test.yaml");
        String text = Files.readString(original)
                .replace("policy: ../rl-policy-go-nogo.yaml", "policy: " + POLICIES.resolve("rl-policy-go-nogo.yaml"));
        // Flip the first expected GO into NO_GO: the runner must notice.
        Files.writeString(tests.resolve("flipped.test.yaml"), text.replaceFirst("outcome: GO", "outcome: NO_GO"));

        int exit = run("policy", "test", tests.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL").contains("flipped.test.yaml:");
    }
}
