package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.RegistryOutage;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN when the schema registry has been unavailable to this service's consumers for longer than
 * {@code greenlight.registry.outage-down-after}: records wait, undecoded but never dead-lettered, and
 * an operator must know. Not part of liveness: restarting the service does not bring a registry back.
 */
class RegistryOutageHealthIndicator implements HealthIndicator {

    private final RegistryOutage outage;
    private final Duration downAfter;

    RegistryOutageHealthIndicator(RegistryOutage outage, Duration downAfter) {
        this.outage = outage;
        this.downAfter = downAfter;
    }

    @Override
    public Health health() {
        Optional<Duration> unavailable = outage.unavailableFor();
        if (unavailable.isEmpty()) {
            return Health.up().build();
        }
        Health.Builder health = unavailable.get().compareTo(downAfter) >= 0
                ? Health.down().withDetail("reason", "schema registry unavailable for "
                        + unavailable.get().toSeconds() + " s; records wait and are retried (none is dead-lettered)")
                : Health.up();
        return health.withDetail("registryUnavailableSeconds", unavailable.get().toSeconds())
                .withDetail("lastProblem", outage.lastProblem()).build();
    }
}
