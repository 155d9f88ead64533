package dev.greenlight.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.testing.OversizedBodies;
import dev.greenlight.platform.testing.ServiceSmokeTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit-ledger service meets the operational contract every service owes (see
 * {@link ServiceSmokeTest}), and its one endpoint that reads a body, the policy what-if, refuses a
 * 40 MB candidate before reading it, instead of reading it until the client gives up.
 */
@TestPropertySource(properties = {"spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "greenlight.security.demo-users=true"})
class AuditLedgerServiceIT extends ServiceSmokeTest {

    private static final long FORTY_MB = 40L * 1024 * 1024;

    @Test
    void aFortyMegabyteWhatIfIsRefusedWith413Quickly_declaredOrChunked() {
        String declared = OversizedBodies.declared(port, "POST", "/api/v1/ledger/what-if", "demo-bob",
                "application/yaml", FORTY_MB);
        String chunked = OversizedBodies.chunked(port, "POST", "/api/v1/ledger/what-if", "demo-bob",
                "application/yaml", FORTY_MB);

        assertThat(declared).contains(" 413");
        assertThat(chunked).contains(" 413");
        // Both helpers send a slice (declared) or fail unless the answer came before the whole
        // chunked body was sent: the limit cuts the body off, it is never read to the end.
    }
}
