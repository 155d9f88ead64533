package dev.greenlight.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real application under production settings and without a configured signing key does not
 * start, and generates nothing: a key generated anew on each container re-creation would make every
 * older checkpoint unverifiable. Even an explicit generate-key=true does not change that.
 */
class ProductionSigningKeyIT {

    @TempDir
    Path keyDir;

    private void start(String production) {
        AuditLedgerApplication.builder().run("--server.port=0", "--spring.jmx.enabled=false",
                "--spring.main.banner-mode=off", "--spring.kafka.bootstrap-servers=localhost:1",
                "--greenlight.ledger.generate-key=true", "--greenlight.ledger.key-dir=" + keyDir, production).close();
    }

    @Test
    void withProductionSettingsAndNoSigningKeyTheContextFailsNamingTheProperty() throws Exception {
        assertThatThrownBy(() -> start("--greenlight.security.production=true"))
                .rootCause().hasMessageContaining("Refusing to start")
                .hasMessageContaining("greenlight.ledger.signing-key");
        try (Stream<Path> files = Files.list(keyDir)) {
            assertThat(files).as("no key generated").isEmpty();
        }
    }

    @Test
    void theProductionProfileCountsAsProductionSettings() {
        assertThatThrownBy(() -> start("--spring.profiles.active=production"))
                .rootCause().hasMessageContaining("greenlight.ledger.signing-key");
    }
}
