package dev.greenlight.approval.killswitch.kafka;

import dev.greenlight.approval.killswitch.application.KillSwitchEvents;
import dev.greenlight.identity.TargetPattern;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Publishes flips keyed by target, and waits for the broker's ack: a target's to the kill-switch
 * topic, a pattern's (the org-wide kill switch) to the kill-switch-patterns topic that every
 * rollout-controller instance reads whole.
 */
@Component
class KafkaKillSwitchEvents implements KillSwitchEvents {

    private final EventPublisher publisher;

    KafkaKillSwitchEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(String target, SpecificRecord event) {
        boolean pattern = !new TargetPattern(target).exact();
        publisher.publish(pattern ? Topics.KILL_SWITCH_PATTERNS : Topics.KILL_SWITCH, target, event);
    }
}
