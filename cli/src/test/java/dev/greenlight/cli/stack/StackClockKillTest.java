package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite: the stack's clock after a {@code kill -9}. A JVM running an accelerated stack clock
 * (with the keeper a running stack has) is killed with {@link Process#destroyForcibly()} — no
 * shutdown hook, no orderly save — and started again on the same data directory: the restarted
 * clock starts at or after every instant the dead one handed out, so events stamped before the
 * crash never lie in the restarted stack's future. Twice, so a restart of a restart holds too.
 */
class StackClockKillTest {

    @TempDir
    Path dataDir;

    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void afterAKillNineTheClockResumesAtOrAfterEverythingItHadStamped() throws Exception {
        Instant lastStampBefore = Instant.EPOCH;
        for (int life = 1; life <= 3; life++) {
            Life current = start();
            assertThat(current.start()).as("life %d starts at or after every stamp of the one killed before it", life)
                    .isAfterOrEqualTo(lastStampBefore);
            if (life > 1) {
                assertThat(current.start()).as("it resumed from the saved time, not real time")
                        .isAfter(Instant.now().plus(Duration.ofDays(1)));
            }
            List<Instant> stamps = current.killAfterStamps(100);
            Instant last = stamps.stream().max(Instant::compareTo).orElseThrow();
            assertThat(last).isAfter(current.start().plus(Duration.ofDays(2)));
            assertThat(SavedClock.read(dataDir)).as("the time saved before the kill").hasValueSatisfying(
                    saved -> assertThat(saved).isAfterOrEqualTo(last));
            lastStampBefore = last;
        }
    }

    private final class Life {
        private final Process process;
        private final BufferedReader out;
        private final Instant start;

        Life(Process process) throws IOException {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("the child's first line").startsWith("start ");
            this.start = Instant.parse(first.substring("start ".length()));
        }

        Instant start() {
            return start;
        }

        /** Reads stamps until {@code count} were printed, kills the JVM, and returns every stamp it printed. */
        List<Instant> killAfterStamps(int count) throws Exception {
            List<Instant> stamps = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("stamp ")) {
                            stamps.add(Instant.parse(line.substring("stamp ".length())));
                        }
                    }
                } catch (IOException e) {
                    // The pipe closed with the killed process: everything it printed was read.
                }
            });
            reader.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> stamps.size() >= count);
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(30_000); // whatever it printed before it died is still in the pipe
            return List.copyOf(stamps);
        }
    }

    private Life start() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        running = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StackClockProcess.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new Life(running);
    }
}
