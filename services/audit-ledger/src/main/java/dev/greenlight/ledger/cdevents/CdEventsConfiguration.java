package dev.greenlight.ledger.cdevents;

import dev.greenlight.ledger.cdevents.application.CdEventMapping;
import dev.greenlight.ledger.cdevents.http.CloudEventsHttpSink;
import dev.greenlight.ledger.cdevents.kafka.CdEventsPublisher;
import dev.greenlight.platform.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires CDEvents out inside the audit-ledger: the service that already reads every fact topic and
 * whose job is to tell others what happened — so the adapter needs no new read access, only the
 * write to {@code greenlight.cdevents} and a consumer group of its own
 * ({@value #GROUP_ID}, independent of the ledger's transactional one, so a slow HTTP sink never
 * delays the ledger and the ledger never waits for it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdEventsProperties.class)
@ConditionalOnProperty(name = "greenlight.cdevents.enabled", havingValue = "true", matchIfMissing = true)
class CdEventsConfiguration {

    static final String GROUP_ID = "greenlight-audit-ledger-cdevents";

    private static final Logger log = LoggerFactory.getLogger(CdEventsConfiguration.class);

    @Bean
    CdEventsPublisher cdEventsPublisher(KafkaProperties kafka, CdEventsProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new ByteArraySerializer()));
        Optional<CloudEventsHttpSink> sink = properties.httpSink() == null || properties.httpSink().isBlank()
                ? Optional.empty() : Optional.of(new CloudEventsHttpSink(properties.httpSink(), properties.timeout()));
        return new CdEventsPublisher(new CdEventMapping(properties.gateUrl()), template, sink, properties.timeout());
    }

    @Bean
    ConcurrentMessageListenerContainer<String, Object> cdEventsListener(ConsumerFactory<String, Object> consumers,
                                                                       CdEventsPublisher publisher) {
        ContainerProperties container = new ContainerProperties(Topics.DECISIONS.name(), Topics.ROLLOUTS.name(),
                Topics.APPROVALS.name());
        container.setGroupId(GROUP_ID);
        container.setAckMode(ContainerProperties.AckMode.RECORD);
        container.setMessageListener((MessageListener<String, Object>) publisher::publish);
        // A new group starts at the beginning: a CDEvents consumer can follow Greenlight's whole history.
        container.getKafkaConsumerProperties().put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConcurrentMessageListenerContainer<String, Object> listener =
                new ConcurrentMessageListenerContainer<>(consumers, container);
        // Retried until stored (at-least-once), backing off up to 30 s; an undecodable record has no CDEvent.
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler errors = new DefaultErrorHandler((record, failure) -> log.warn(
                "No CDEvent for {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), failure.getMessage()),
                backOff);
        errors.addNotRetryableExceptions(DeserializationException.class);
        listener.setCommonErrorHandler(errors);
        return listener;
    }
}
