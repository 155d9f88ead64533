package dev.greenlight.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The approval API tests' clock, stopped at {@link #NOW}, so recorded times and expiries are exact. */
@TestConfiguration(proxyBeanMethods = false)
class FixedClockConfiguration {

    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
