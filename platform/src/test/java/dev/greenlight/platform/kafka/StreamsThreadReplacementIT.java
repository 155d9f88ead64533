package dev.greenlight.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Kafka Streams application behind the shared configuration (exactly-once v2, as every Greenlight
 * Streams service): a stream thread that dies of a transient broker failure — the
 * {@code OutOfOrderSequenceException} gate-evaluator met after two brokers of three were lost — is
 * replaced, the client stays RUNNING, the record is processed by the new thread and liveness stays
 * UP; a thread that dies of a bug shuts the client down and liveness turns DOWN.
 */
@SpringBootTest(classes = StreamsThreadReplacementIT.StreamsApplication.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.streams.application-id=streams-thread-replacement-test",
        "spring.kafka.streams.properties.processing.guarantee=exactly_once_v2",
        "spring.kafka.streams.properties.commit.interval.ms=100",
        // A dead stream thread does not leave the group: its replacement gets the task only when
        // the dead member's session expires (45 s by default). Test only: seconds.
        "spring.kafka.streams.properties.session.timeout.ms=10000",
        "spring.kafka.streams.properties.heartbeat.interval.ms=2000"})
@EmbeddedKafka(topics = StreamsThreadReplacementIT.TOPIC)
class StreamsThreadReplacementIT {

    static final String TOPIC = "thread-replacement-input";

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableKafkaStreams
    @Import(InMemoryRegistryConfiguration.class)
    static class StreamsApplication {

        final List<String> processed = new CopyOnWriteArrayList<>();
        final AtomicBoolean brokerFailed = new AtomicBoolean();

        @Bean
        Object failingTopology(StreamsBuilder builder) {
            builder.stream(TOPIC, Consumed.with(Serdes.String(), Serdes.String())).foreach((key, value) -> {
                if (value.equals("transient") && brokerFailed.compareAndSet(false, true)) {
                    // As Kafka's StreamsProducer reports a commit after the producer met the error.
                    throw new StreamsException("Error encountered trying to commit a transaction",
                            new KafkaException("Cannot execute transactional method because we are in an error state",
                                    new OutOfOrderSequenceException("out of order sequence number on a changelog")));
                }
                if (value.equals("fatal")) {
                    throw new IllegalStateException("a bug in a processor");
                }
                processed.add(value);
            });
            return TOPIC;
        }
    }

    @Autowired
    StreamsApplication application;
    @Autowired
    StreamsBuilderFactoryBean streams;
    @Autowired
    @Qualifier("kafkaClientsHealthIndicator")
    HealthIndicator kafkaClients;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void aTransientBrokerFailureReplacesTheThreadAndAFatalErrorTurnsLivenessDown() {
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.getKafkaStreams() != null
                && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);

        send("before");
        send("transient");
        send("after");
        // Without the replacement handler Kafka's default shuts the client down here (state ERROR) and this times out.
        await("a replacement thread processes the records after the broker failure").atMost(Duration.ofSeconds(120))
                .until(() -> application.processed.contains("after"));
        assertThat(application.brokerFailed).as("the thread died of the broker failure once").isTrue();
        // The record the dead thread was processing is processed by its replacement, once.
        assertThat(application.processed).containsSubsequence("before", "transient", "after");
        assertThat(application.processed).filteredOn("transient"::equals).hasSize(1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
        assertThat(kafkaClients.health().getStatus()).isEqualTo(Status.UP);

        send("fatal");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> streams.getKafkaStreams().state() == KafkaStreams.State.ERROR);
        assertThat(kafkaClients.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private void send(String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", brokers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value));
        }
    }
}
