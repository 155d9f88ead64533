package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.stack.StackConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UpCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void aTakenPortFailsFastNamingThePortAndTheOptionThatMovesIt() throws Exception {
        StackConfig ports = StackConfig.withFreePorts(dataDir);
        Path existingData = Files.writeString(dataDir.resolve("keep-me"), "events");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli()).setErr(new PrintWriter(err));

        int exitCode;
        try (ServerSocket taken = new ServerSocket(ports.kafkaPort())) {
            exitCode = cli.execute("up", "--fresh", "--data-dir=" + dataDir,
                    "--kafka-port=" + ports.kafkaPort(), "--controller-port=" + ports.controllerPort(),
                    "--registry-port=" + ports.registryPort());
        }

        assertThat(exitCode).isEqualTo(UpCommand.EXIT_PORT_IN_USE);
        assertThat(err.toString()).contains("Port " + ports.kafkaPort()).contains("--kafka-port");
        assertThat(existingData).as("--fresh must not wipe the data of a stack that may be running").exists();
    }
}
