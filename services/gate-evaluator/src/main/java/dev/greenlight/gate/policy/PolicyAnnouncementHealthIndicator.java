package dev.greenlight.gate.policy;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Says on the health endpoint why a starting gate is not ready yet while it retries announcing its
 * policies ({@link PolicyAnnouncer}): OUT_OF_SERVICE with the failed attempts and the last error,
 * instead of an operator seeing only a readiness probe that stays down. Not part of liveness: a
 * retrying gate must not be restarted for it; once the retries are spent the start-up fails anyway.
 */
@Component
class PolicyAnnouncementHealthIndicator implements HealthIndicator {

    private final PolicyAnnouncer announcer;

    PolicyAnnouncementHealthIndicator(PolicyAnnouncer announcer) {
        this.announcer = announcer;
    }

    @Override
    public Health health() {
        PolicyAnnouncer.Progress progress = announcer.progress();
        Health.Builder health = switch (progress.state()) {
            case NOT_STARTED -> Health.unknown();
            case ANNOUNCING -> Health.outOfService().withDetail("reason", progress.failedAttempts() == 0
                    ? "announcing the policies" : "announcing the policies failed; retrying with backoff");
            case ANNOUNCED -> Health.up();
            case GAVE_UP -> Health.down().withDetail("reason", "gave up announcing the policies");
        };
        health.withDetail("announced", progress.announced()).withDetail("policies", progress.policies())
                .withDetail("failedAttempts", progress.failedAttempts());
        if (progress.lastError() != null) {
            health.withDetail("lastError", progress.lastError());
        }
        return health.build();
    }
}
