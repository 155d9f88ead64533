package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code up} taking its stop hook back: before shutdown the hook is removed and never runs; during
 * shutdown (a SIGTERM while {@code up} was still starting) removing it is refused by the JVM, which
 * must not end {@code up} with "Shutdown in progress". Each case runs in a JVM of its own, since only
 * a JVM that really shuts down shows the second.
 */
class StopOnExitTest {

    @Test
    void removedBeforeShutdownTheHookNeverRuns() throws Exception {
        String output = runChild("before");

        assertThat(output).contains("removed: true").doesNotContain("stopping");
    }

    @Test
    void removingItWhileTheJvmShutsDownIsAnsweredNotThrown() throws Exception {
        String output = runChild("during");

        assertThat(output).contains("stopping").contains("removed during shutdown: false")
                .doesNotContain("IllegalStateException");
    }

    private static String runChild(String mode) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), mode)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }

    /** The child JVM: installs a hook like {@code up}'s and removes it before or during its shutdown. */
    public static final class Child {

        public static void main(String[] args) {
            StopOnExit[] hook = new StopOnExit[1];
            hook[0] = new StopOnExit(() -> {
                System.out.println("stopping");
                if (args[0].equals("during")) {
                    System.out.println("removed during shutdown: " + hook[0].remove());
                }
                System.out.flush();
            });
            hook[0].install();
            if (args[0].equals("before")) {
                System.out.println("removed: " + hook[0].remove());
            }
        }
    }
}
