package dev.greenlight.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.stack.KafkaCredentials;
import dev.greenlight.platform.topics.KafkaUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FollowCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutCredentialsItSaysWhereItLookedAndConnectsToNothing() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        Path missing = dataDir.resolve(KafkaCredentials.FILE_NAME);

        int exit = cli.execute("follow", "--kafka-credentials", missing.toString(), "--max-commands", "1");

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("no Kafka credentials at " + missing).contains("./greenlight up");
    }

    @Test
    void logsInAsTheDeployerWithTheStacksPasswordAndConsumesInADeployerGroup() {
        KafkaCredentials credentials = KafkaCredentials.loadOrGenerate(dataDir);
        KafkaLoginOptions options = new KafkaLoginOptions();
        options.credentialsFile = credentials.file();

        Map<String, Object> login = options.clientProperties();

        assertThat(login).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(String.valueOf(login.get("sasl.jaas.config")))
                .contains("username=\"deployer\"")
                .contains("password=\"" + credentials.password(KafkaUser.DEPLOYER.userName()) + "\"");
        assertThat(new ReferenceDeployer("localhost:1", Map::of, "http://localhost:1", "rl-policy", "paper-engine",
                Clock.systemUTC()).groupId()).isEqualTo("deployer-paper-engine-rl-policy");
    }

    @Test
    void theStacksSuperUserLogsInAsTheStackDoes() {
        KafkaCredentials credentials = KafkaCredentials.loadOrGenerate(dataDir);
        KafkaLoginOptions options = new KafkaLoginOptions();
        options.credentialsFile = credentials.file();
        options.user = KafkaCredentials.ADMIN;

        assertThat(options.clientProperties()).isEqualTo(credentials.adminProperties());
    }
}
