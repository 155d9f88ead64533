package dev.greenlight.gate.decision.kafka;

import dev.greenlight.platform.topics.Topic;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft broker that takes exactly-once Streams applications (its transaction log
 * fits on one broker) with the given catalogue topics created — the set-up every gate test on a
 * real broker shares, in one place.
 */
public final class TransactionalTestBroker {

    private TransactionalTestBroker() {
    }

    /** A started broker with {@code topics} at their catalogue partition counts; destroy it when done. */
    public static EmbeddedKafkaKraftBroker start(List<Topic<?>> topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        broker.addTopics(topics.stream().map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1))
                .toArray(NewTopic[]::new));
        return broker;
    }
}
