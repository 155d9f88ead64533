package dev.greenlight.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.stack.KafkaCredentials;
import dev.greenlight.platform.topics.KafkaUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code greenlight cluster secrets} writes one owner-only password file per principal, the files
 * docker-compose.yml mounts; it never overwrites one, and the setup job reads them back.
 */
class ClusterSecretsCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneOwnerOnlyPasswordPerPrincipalNeverOverwritingAndTheSetupJobReadsThemBack() throws Exception {
        assertThat(new CommandLine(new GreenlightCli()).execute("cluster", "secrets", "--dir", dir.toString()))
                .isZero();
        for (KafkaUser user : KafkaUser.values()) {
            Path file = dir.resolve("kafka-" + user.userName());
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        String admin = Files.readString(dir.resolve("kafka-admin"));

        assertThat(new CommandLine(new GreenlightCli()).execute("cluster", "secrets", "--dir", dir.toString()))
                .isZero();

        assertThat(Files.readString(dir.resolve("kafka-admin"))).as("never overwritten").isEqualTo(admin);
        KafkaCredentials credentials = KafkaCredentials.fromSecretFiles(dir);
        assertThat(credentials.password("admin")).isEqualTo(admin);
        assertThat(credentials.password("check-ingest")).isNotEqualTo(admin).hasSizeGreaterThanOrEqualTo(16);
    }
}
