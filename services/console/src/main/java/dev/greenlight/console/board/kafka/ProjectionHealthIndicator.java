package dev.greenlight.console.board.kafka;

import dev.greenlight.console.board.application.ProjectionStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code projection} in {@code /actuator/health} and the readiness group: DOWN until the
 * projection has read every topic up to the end offsets it saw at start, so a load balancer sends
 * no one to a console whose board is still missing releases; the lag (records still to read) is a
 * detail either way. With the projection switched off (page tests) there is nothing to wait for.
 */
@Component
class ProjectionHealthIndicator implements HealthIndicator {

    private final ObjectProvider<ProjectionStatus> statuses;

    ProjectionHealthIndicator(ObjectProvider<ProjectionStatus> statuses) {
        this.statuses = statuses;
    }

    @Override
    public Health health() {
        ProjectionStatus status = statuses.getIfAvailable();
        if (status == null) {
            return Health.up().withDetail("reading", "no topics (projection switched off)").build();
        }
        Health.Builder health = status.caughtUp() ? Health.up()
                : Health.down().withDetail("reason", "reading the topics up to their end offsets of start-up");
        return health.withDetail("caughtUp", status.caughtUp()).withDetail("lag", status.lag()).build();
    }
}
