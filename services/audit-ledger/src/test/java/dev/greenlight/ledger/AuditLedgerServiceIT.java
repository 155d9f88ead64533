package dev.greenlight.ledger;

import dev.greenlight.platform.testing.ServiceSmokeTest;
import org.springframework.test.context.TestPropertySource;

/** The audit-ledger service meets the operational contract every service owes (see {@link ServiceSmokeTest}). */
@TestPropertySource(properties = {"spring.config.name=" + AuditLedgerApplication.CONFIG_NAME})
class AuditLedgerServiceIT extends ServiceSmokeTest {
}
