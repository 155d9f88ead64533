package dev.greenlight.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The real docker-compose.yml under Docker Compose (images built from the exec jars, the Kafka and
 * registry images pulled), where Docker exists: every service reaches its compose healthcheck and
 * answers its health endpoint. Skipped, saying so, on machines without Docker (ours): there
 * {@link ProductionPathIT} runs the same file's topology without containers.
 */
class ComposeContainerIT {

    @Test
    void theComposeFileStartsEveryServiceHealthy() throws Exception {
        assumeTrue(dockerAvailable(), "Docker is not available on this machine: the compose file was not run"
                + " (ProductionPathIT runs its topology as JVMs instead)");
        Path compose = Path.of(System.getProperty("greenlight.system-tests.compose-file", "../docker-compose.yml"))
                .toAbsolutePath().normalize();
        Path secrets = compose.getParent().resolve("secrets");
        if (!Files.exists(secrets.resolve("kafka-admin"))) {
            throw new IllegalStateException("make " + secrets + " first (docs/operations.md: greenlight cluster secrets,"
                    + " ledger keygen, users add)");
        }
        byte[] sealingKey = new byte[32];
        new SecureRandom().nextBytes(sealingKey);
        try (ComposeContainer environment = new ComposeContainer(new File(compose.toString()))
                .withBuild(true)
                .withEnv("GREENLIGHT_SEALING_KEY", Base64.getEncoder().encodeToString(sealingKey))
                .withStartupTimeout(Duration.ofMinutes(10))) {
            for (String service : ProductionStack.SERVICES) {
                environment.withExposedService(service, ComposeFile.load(compose).containerPort(service),
                        Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(10)));
            }
            environment.start();
            for (String service : ProductionStack.SERVICES) {
                int port = ComposeFile.load(compose).containerPort(service);
                String url = "http://" + environment.getServiceHost(service, port) + ":"
                        + environment.getServicePort(service, port) + "/actuator/health";
                assertThat(ProductionStack.status(url)).as(service).isEqualTo(200);
            }
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
