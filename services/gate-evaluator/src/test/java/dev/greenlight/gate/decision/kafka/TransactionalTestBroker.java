package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft broker that takes exactly-once Streams applications (its transaction log
 * fits on one broker) with the given catalogue topics created — the set-up every gate test on a
 * real broker shares, in one place — with the clients that write evidence to it and read back
 * what the gate committed.
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

    /**
     * Consumer settings for reading what exactly-once applications committed: read_committed (a
     * decision counts once its transaction commits, as for any downstream reader), from the
     * beginning, committing nothing.
     */
    public static Properties readCommitted(String brokers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** A consumer of every partition of the decisions topic, from the beginning, seeing only committed decisions. */
    public static KafkaConsumer<String, GateDecided> committedDecisions(String brokers, TopicSerdes serdes) {
        KafkaConsumer<String, GateDecided> consumer = new KafkaConsumer<>(readCommitted(brokers),
                new StringDeserializer(), serdes.forTopic(Topics.DECISIONS).deserializer());
        consumer.assign(IntStream.range(0, Topics.DECISIONS.partitions())
                .mapToObj(p -> new TopicPartition(Topics.DECISIONS.name(), p)).toList());
        return consumer;
    }

    /**
     * An idempotent, acks=all producer of releases and metric samples, keyed by target, as check-ingest
     * writes them; {@code overrides} tune batching ({@code linger.ms}, {@code batch.size}) per test.
     * The platform's serializers are per topic (each knows its value schema), so it picks by topic.
     */
    @SuppressWarnings("unchecked")
    public static KafkaProducer<String, SpecificRecord> evidenceProducer(String brokers, TopicSerdes serdes,
                                                                       Map<String, Object> overrides) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putAll(overrides);
        Serializer<SpecificRecord> releases = (Serializer<SpecificRecord>) (Serializer<?>)
                serdes.forTopic(Topics.RELEASES).serializer();
        Serializer<SpecificRecord> metrics = (Serializer<SpecificRecord>) (Serializer<?>)
                serdes.forTopic(Topics.METRICS).serializer();
        Serializer<SpecificRecord> values = (topic, value) -> Topics.RELEASES.name().equals(topic)
                ? releases.serialize(topic, value) : metrics.serialize(topic, value);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }
}
