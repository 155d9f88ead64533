package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.RegistryOutage;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.serde.AvroLimits;
import dev.greenlight.platform.serde.AvroSerdeConfig;
import dev.greenlight.platform.tracing.TraceparentSource;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka wiring every Greenlight service shares, so no service can get the wire format, the
 * delivery guarantees or poison-record handling subtly different from the others:
 * <ul>
 *   <li>catalogue topics are created at startup with their partitions and configs;</li>
 *   <li>{@code eventTemplate} writes Avro in the Confluent wire format with each topic's catalogue
 *       schema, idempotently and with {@code acks=all};</li>
 *   <li>listeners read committed records only, resolve into the catalogue schema, and park records
 *       they cannot decode (or keep failing on) on the dead-letter topic, then go on.</li>
 * </ul>
 * Runs before Boot's Kafka auto-configuration so Boot's untyped defaults back off; every bean here
 * backs off in turn when a service defines its own.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties({GreenlightProperties.class, KafkaProperties.class})
public class GreenlightKafkaAutoConfiguration {

    static {
        // Before any consumer or stream decodes a record (Avro reads its limits once).
        AvroLimits.ensure();
    }

    /** Listener failures other than undecodable records are retried this often before dead-lettering. */
    private static final long LISTENER_RETRIES = 2;
    private static final long LISTENER_RETRY_INTERVAL_MS = 500;

    @Bean
    @ConditionalOnMissingBean
    SchemaRegistryClient schemaRegistryClient(KafkaProperties kafka) {
        return SchemaRegistryClients.fromConfig(kafka.getProperties());
    }

    /** Domain code takes time from this bean only, so tests and replays can fix or accelerate it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, Object> eventTemplate, GreenlightProperties properties,
            ObjectProvider<TraceparentSource> traces) {
        return new EventPublisher(eventTemplate, properties.publish().ackTimeout(),
                traces.getIfAvailable(() -> TraceparentSource.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    TopicSerdes topicSerdes(SchemaRegistryClient registry, KafkaProperties kafka) {
        Object autoRegister = kafka.getProperties().getOrDefault(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        return new TopicSerdes(registry, Boolean.parseBoolean(String.valueOf(autoRegister)));
    }

    @Bean
    @ConditionalOnMissingBean(name = "greenlightTopics")
    KafkaAdmin.NewTopics greenlightTopics(GreenlightProperties properties) {
        short replicas = properties.topics().replicationFactor();
        short minInsync = properties.topics().minInsyncReplicas();
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .map(topic -> TopicBuilder.name(topic.name())
                        .partitions(topic.partitions())
                        .replicas(replicas)
                        .configs(topic.configs())
                        .configs(minInsync > 1 ? Map.of("min.insync.replicas", String.valueOf(minInsync)) : Map.of())
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    @Primary
    @ConditionalOnMissingBean(name = "eventProducerFactory")
    DefaultKafkaProducerFactory<String, Object> eventProducerFactory(KafkaProperties kafka,
            SchemaRegistryClient registry) {
        Map<String, Object> config = producerConfig(kafka);
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(config,
                StringSerializer::new, () -> new CatalogueAvroSerializer(registry, Topics.all()));
        String transactionIdPrefix = kafka.getProducer().getTransactionIdPrefix();
        if (transactionIdPrefix != null) {
            factory.setTransactionIdPrefix(transactionIdPrefix);
        }
        return factory;
    }

    @Bean
    @Primary
    @ConditionalOnMissingBean(name = "eventTemplate")
    KafkaTemplate<String, Object> eventTemplate(ProducerFactory<String, Object> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    /** Raw bytes out: keys may be strings (listeners) or bytes (Streams), values are always bytes. */
    @Bean
    @ConditionalOnMissingBean(name = "deadLetterTemplate")
    KafkaTemplate<Object, byte[]> deadLetterTemplate(KafkaProperties kafka) {
        Map<Class<?>, Serializer<?>> keySerializers = new HashMap<>();
        keySerializers.put(String.class, new StringSerializer());
        keySerializers.put(byte[].class, new ByteArraySerializer());
        DefaultKafkaProducerFactory<Object, byte[]> factory = new DefaultKafkaProducerFactory<>(
                producerConfig(kafka), new DelegatingByTypeSerializer(keySerializers), new ByteArraySerializer());
        // Deliberately not transactional (no transaction-id prefix): a dead letter must go out even
        // when the listener's transaction rolls back.
        return new KafkaTemplate<>(factory);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterRecoverer deadLetterRecoverer(KafkaTemplate<Object, byte[]> deadLetterTemplate,
            SchemaRegistryClient registry, RegistryOutage registryOutage, GreenlightProperties properties) {
        return new DeadLetterRecoverer(deadLetterTemplate, new CatalogueAvroSerializer(registry, Topics.all()),
                registryOutage);
    }

    /** The consumers' view of the registry: reported by the recoverer, read by the health check. */
    @Bean
    @ConditionalOnMissingBean
    RegistryOutage registryOutage(GreenlightProperties properties) {
        // Retrying consumers report every interval while it lasts: three quiet intervals end it.
        return new RegistryOutage(System::nanoTime, properties.registry().retryInterval().multipliedBy(3));
    }

    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler greenlightErrorHandler(DeadLetterRecoverer deadLetterRecoverer, RegistryOutage registryOutage,
            GreenlightProperties properties) {
        // Undecodable records are not retried: a poison record costs one attempt, then the partition
        // moves on. A record that waits for a silent registry is retried until it answers.
        return new RegistryOutageBackOff(registryOutage, properties.registry().retryInterval())
                .applyTo(new DefaultErrorHandler(deadLetterRecoverer,
                        new FixedBackOff(LISTENER_RETRY_INTERVAL_MS, LISTENER_RETRIES)));
    }

    @Bean
    @ConditionalOnMissingBean(ConsumerFactory.class)
    DefaultKafkaConsumerFactory<String, Object> kafkaConsumerFactory(KafkaProperties kafka,
            SchemaRegistryClient registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The listener container commits after processing; auto-commit would lose records on a crash.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Topic<?>> catalogue = Topics.all();
        return new DefaultKafkaConsumerFactory<>(config, StringDeserializer::new,
                () -> new ErrorHandlingDeserializer<>(new CatalogueAvroDeserializer(registry, catalogue)));
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerContainerFactory")
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ObjectProvider<ConcurrentKafkaListenerContainerFactoryConfigurer> configurer,
            ConsumerFactory<?, ?> consumerFactory, CommonErrorHandler greenlightErrorHandler) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        ConsumerFactory<Object, Object> untyped = (ConsumerFactory) consumerFactory;
        // Boot's configurer applies spring.kafka.listener.*; without it, wire the essentials directly.
        configurer.ifAvailable(c -> c.configure(factory, untyped));
        factory.setConsumerFactory(untyped);
        factory.setCommonErrorHandler(greenlightErrorHandler);
        return factory;
    }

    private static Map<String, Object> producerConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Fail fast when the broker is away: an API caller gets 503 + Retry-After in seconds
        // instead of a request hanging for the client defaults' full minute.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    /**
     * Streams users get the same poison-record handling as listeners, and survive transient broker
     * failures without a restart.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StreamsBuilderFactoryBean.class)
    static class StreamsDeadLetterConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "greenlightStreamsDeadLetter")
        StreamsBuilderFactoryBeanConfigurer greenlightStreamsDeadLetter(DeadLetterRecoverer deadLetterRecoverer) {
            return factoryBean -> {
                Properties config = factoryBean.getStreamsConfiguration();
                if (config == null) {
                    return;
                }
                config.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        RecoveringDeserializationExceptionHandler.class);
                config.putIfAbsent(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER,
                        deadLetterRecoverer);
                factoryBean.setStreamsConfiguration(config);
            };
        }

        /**
         * A stream thread that dies of a transient broker failure is replaced instead of the whole
         * client stopping; a fatal error still stops it, and liveness turns DOWN
         * ({@link StreamsThreadReplacement}).
         */
        @Bean
        @ConditionalOnMissingBean(name = "greenlightStreamsThreadReplacement")
        StreamsBuilderFactoryBeanConfigurer greenlightStreamsThreadReplacement() {
            return factoryBean -> {
                if (factoryBean.getStreamsUncaughtExceptionHandler() == null) {
                    Properties config = factoryBean.getStreamsConfiguration();
                    Object client = config == null ? null : config.get(StreamsConfig.APPLICATION_ID_CONFIG);
                    factoryBean.setStreamsUncaughtExceptionHandler(new StreamsThreadReplacement(String.valueOf(client)));
                }
            };
        }

        /**
         * A stop waits for Kafka Streams to close cleanly. Only a clean close commits and writes each
         * task's checkpoint file; under exactly-once, a task not closed cleanly keeps the checkpoint
         * written at its start (changelogs empty then: offset unknown), so the next start restores
         * every store from that point: everything the service wrote since it last started, minutes at
         * 30 k releases (docs/performance.md, "Restart after a clean stop"). Spring's default wait is
         * 10 s, after which the context, then the local stack's broker, went on stopping under the
         * still-closing stream threads. A stream thread notices the stop only between two of its
         * cycles, which a busy machine stretches: a rollout-controller thread took 112 s to close at a
         * load average of 25 on 2 cores. {@code greenlight.streams.close-timeout} (default 120 s) sets
         * the wait; an orchestrator's grace period must exceed it (docs/operations.md).
         */
        @Bean
        @ConditionalOnMissingBean(name = "greenlightStreamsCloseTimeout")
        StreamsBuilderFactoryBeanConfigurer greenlightStreamsCloseTimeout(
                @Value("${greenlight.streams.close-timeout:120s}") String closeTimeout) {
            int seconds = (int) Math.max(1, DurationStyle.detectAndParse(closeTimeout).toSeconds());
            return factoryBean -> factoryBean.setCloseTimeout(seconds);
        }
    }
}
