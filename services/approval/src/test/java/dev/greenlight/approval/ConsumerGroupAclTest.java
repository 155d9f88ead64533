package dev.greenlight.approval;

import dev.greenlight.platform.testing.ListenerGroupsAllowed;
import dev.greenlight.platform.topics.KafkaUser;

/** Every listener of the approval service joins a consumer group the approval user may use. */
class ConsumerGroupAclTest implements ListenerGroupsAllowed {

    @Override
    public KafkaUser kafkaUser() {
        return KafkaUser.APPROVAL;
    }
}
