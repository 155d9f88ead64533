package dev.greenlight.integrations;

import dev.greenlight.platform.testing.ListenerGroupsAllowed;
import dev.greenlight.platform.topics.KafkaUser;

/** Every listener of the integrations service joins a consumer group the integrations user may use. */
class ConsumerGroupAclTest implements ListenerGroupsAllowed {

    @Override
    public KafkaUser kafkaUser() {
        return KafkaUser.INTEGRATIONS;
    }
}
