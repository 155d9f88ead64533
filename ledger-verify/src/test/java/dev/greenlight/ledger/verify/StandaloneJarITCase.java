package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's jar runs on its own: {@code java -jar ledger-verify-*-standalone.jar EXPORT KEY}, in a
 * fresh JVM with nothing else on the class path, prints OK / BROKEN and exits 0 / 1. Run by failsafe
 * after {@code package} built the jar.
 */
class StandaloneJarITCase {

    @TempDir
    Path dir;

    private final TestLedger ledger = new TestLedger(200, 30);

    private record Run(int exit, String out) {
    }

    private Run run(List<String> lines) throws IOException, InterruptedException {
        Path export = dir.resolve("ledger.jsonl");
        Files.write(export, lines);
        Path key = dir.resolve("public-key.b64");
        Files.writeString(key, TestLedger.publicKeyBase64() + "\n");
        String jar = System.getProperty("standalone.jar");
        assertThat(jar).as("failsafe passes the jar's path").isNotNull();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar, export.toString(), key.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }

    @Test
    void honestExportIsOkAndExitsZero() throws Exception {
        Run run = run(ledger.export());

        assertThat(run.out()).startsWith("OK: 200 entries, 6 checkpoints, tree size 180, 20 not yet checkpointed");
        assertThat(run.exit()).isZero();
    }

    @Test
    void strippedCheckpointsAreBrokenAndExitOne() throws Exception {
        List<String> lines = new ArrayList<>(ledger.export());
        lines.removeIf(line -> line.startsWith("{\"type\":\"checkpoint\""));

        Run run = run(lines);

        assertThat(run.out()).startsWith("BROKEN: NO_CHECKPOINT at end of file (line " + lines.size() + ")");
        assertThat(run.exit()).isEqualTo(1);
    }
}
