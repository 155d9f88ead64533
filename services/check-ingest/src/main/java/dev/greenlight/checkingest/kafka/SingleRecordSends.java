package dev.greenlight.checkingest.kafka;

import dev.greenlight.platform.kafka.EventNotStoredException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Requests that carry one event: a single record is stored whole or not at all by itself, so it
 * needs no transaction — the broker's acknowledgement ({@code acks=all}, idempotent producer, the
 * same configuration and serializers as the platform's event producer, only without a
 * transactional id) is the proof the caller waits for before answering 2xx.
 *
 * <p>One producer is shared by every request thread, so records of concurrent requests leave in the
 * same produce requests. {@code linger.ms=0}: a request's record goes out as soon as the sender is
 * free; under load the records that arrived meanwhile travel together anyway, without a fixed wait
 * on each request's latency.
 */
final class SingleRecordSends implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, Object> factory;
    private final Producer<String, Object> producer;
    private final Duration ackTimeout;

    SingleRecordSends(DefaultKafkaProducerFactory<String, Object> eventProducerFactory, Duration ackTimeout) {
        Map<String, Object> config = new HashMap<>(eventProducerFactory.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "check-ingest-single-records");
        this.factory = new DefaultKafkaProducerFactory<>(config, eventProducerFactory.getKeySerializerSupplier(),
                eventProducerFactory.getValueSerializerSupplier());
        this.producer = factory.createProducer();
        this.ackTimeout = ackTimeout;
    }

    /** Returns once the broker acknowledged {@code event}; otherwise throws {@link EventNotStoredException}. */
    void send(Outgoing<?> event) {
        String topic = event.topic().name();
        try {
            producer.send(new ProducerRecord<>(topic, event.target(), event.value()))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotStoredException(topic, e);
        } catch (ExecutionException e) {
            throw new EventNotStoredException(topic, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // send() itself throws when metadata cannot be fetched within max.block.ms, or the
            // serializer refuses the record.
            throw new EventNotStoredException(topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
        factory.destroy();
    }
}
