package dev.greenlight.checkingest;

import dev.greenlight.platform.testing.ServiceSmokeTest;
import org.springframework.test.context.TestPropertySource;

/** The check-ingest service meets the operational contract every service owes (see {@link ServiceSmokeTest}). */
@TestPropertySource(properties = "spring.config.name=" + CheckIngestApplication.CONFIG_NAME)
class CheckIngestServiceIT extends ServiceSmokeTest {
}
