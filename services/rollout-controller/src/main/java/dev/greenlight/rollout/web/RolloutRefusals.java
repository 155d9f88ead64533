package dev.greenlight.rollout.web;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.RolloutCommandType;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.refusals.RefusalThrottle;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.platform.topics.Topics;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Records a manual command refused for want of authority as an {@code ActionRefused}
 * ({@code ROLLOUT_PROMOTE}, {@code ROLLOUT_PAUSE}, ...) on the rollouts topic before the 403 is
 * answered, like the approval service does for people's other actions: the ledger shows who tried
 * to steer a production rollout. At most the {@link RefusalThrottle}'s share per caller and minute
 * is written, so refusals cannot flood the ledger; if the broker does not confirm, the caller gets
 * 503 rather than a silent 403.
 */
@Component
class RolloutRefusals {

    private final EventPublisher publisher;
    private final RefusalThrottle throttle;
    private final Clock clock;

    RolloutRefusals(EventPublisher publisher, RefusalThrottle throttle, Clock clock) {
        this.publisher = publisher;
        this.throttle = throttle;
        this.clock = clock;
    }

    void record(Actor caller, String target, String version, RolloutCommandType command, String reason) {
        if (!throttle.admit(caller.name())) {
            return;
        }
        // A fresh id, not the request's idempotency-derived one: that belongs to the command if a
        // retry is later allowed.
        publisher.publish(Topics.ROLLOUTS, target, ActionRefused.newBuilder()
                .setMeta(new EventMetadata(UUID.randomUUID().toString(), clock.instant(), caller.name()))
                .setTarget(target).setVersion(version).setAction("ROLLOUT_" + command.name())
                .setAttemptedBy(caller.name()).setReason(reason).build());
    }
}
