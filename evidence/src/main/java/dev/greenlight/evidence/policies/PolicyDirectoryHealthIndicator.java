package dev.greenlight.evidence.policies;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Keeps a service out of service until its {@link PolicyDirectory} has read the policies topic to
 * the end: before that it would judge releases by policies it has not seen yet.
 */
public class PolicyDirectoryHealthIndicator implements HealthIndicator {

    private final PolicyDirectory directory;

    public PolicyDirectoryHealthIndicator(PolicyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Health health() {
        Health.Builder health = directory.isCaughtUp() ? Health.up() : Health.outOfService()
                .withDetail("reason", "still reading the policies topic from the beginning");
        return health.withDetail("policies", directory.size()).build();
    }
}
