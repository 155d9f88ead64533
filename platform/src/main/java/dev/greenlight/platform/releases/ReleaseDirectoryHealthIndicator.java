package dev.greenlight.platform.releases;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Keeps a service out of service until its {@link ReleaseDirectory} has read the releases topic to
 * the end: before that, "unknown release" answers would be wrong, not merely slow.
 */
public class ReleaseDirectoryHealthIndicator implements HealthIndicator {

    private final ReleaseDirectory directory;

    public ReleaseDirectoryHealthIndicator(ReleaseDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Health health() {
        Health.Builder health = directory.isCaughtUp() ? Health.up() : Health.outOfService()
                .withDetail("reason", "still reading the releases topic from the beginning");
        return health.withDetail("releases", directory.size()).build();
    }
}
