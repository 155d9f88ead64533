package dev.greenlight.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.testing.OversizedBodies;
import dev.greenlight.platform.testing.ServiceSmokeTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit-ledger service meets the operational contract every service owes (see
 * {@link ServiceSmokeTest}), and its one endpoint that reads a body, the policy what-if, refuses a
 * 40 MB candidate at once instead of reading it until the client gives up.
 */
@TestPropertySource(properties = {"spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "greenlight.security.demo-users=true"})
class AuditLedgerServiceIT extends ServiceSmokeTest {

    private static final long FORTY_MB = 40L * 1024 * 1024;

    @Test
    void aFortyMegabyteWhatIfIsRefusedWith413Quickly_declaredOrChunked() {
        Instant start = Instant.now();
        String declared = OversizedBodies.declared(port, "POST", "/api/v1/ledger/what-if", "demo-bob",
                "application/yaml", FORTY_MB);
        String chunked = OversizedBodies.chunked(port, "POST", "/api/v1/ledger/what-if", "demo-bob",
                "application/yaml", FORTY_MB);

        assertThat(declared).contains(" 413");
        assertThat(chunked).contains(" 413");
        // Reading 40 MB over loopback on a loaded machine takes far longer than refusing it.
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }
}
