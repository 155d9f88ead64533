package dev.greenlight.ledger.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * The writer's health turns DOWN only once the registry outage or the lack of progress has lasted
 * the configured time, and UP again as soon as the writer records again.
 */
class LedgerWriterHealthIndicatorTest {

    private final AtomicLong nanos = new AtomicLong();
    private final LedgerWriterStatus status = new LedgerWriterStatus(nanos::get);
    private final LedgerWriterHealthIndicator health = new LedgerWriterHealthIndicator(status,
            new LedgerProperties(null, null, null, Path.of("unused"), false, Duration.ofMillis(100), "id", 10,
                    Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMillis(500), null));

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void registryOutageIsDownAfterTheConfiguredTimeAndUpWhenItAnswers() {
        status.registryUnavailable("unreachable");
        advance(Duration.ofSeconds(59));
        status.progressed();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        advance(Duration.ofSeconds(1));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        status.registryAvailable();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aWriterWithoutProgressIsDownAfterTheStallTime() {
        advance(Duration.ofMinutes(4));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        advance(Duration.ofMinutes(1));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("reason").toString()).contains("no progress");

        status.progressed();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
