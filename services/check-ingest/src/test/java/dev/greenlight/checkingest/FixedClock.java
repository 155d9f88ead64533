package dev.greenlight.checkingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock stopped at {@link #NOW}, so tests can state exactly which timestamps are
 * "in the future" or "stale" and what {@code occurredAt} the service stamps on its events.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
