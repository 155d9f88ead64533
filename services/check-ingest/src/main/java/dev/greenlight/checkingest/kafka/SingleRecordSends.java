package dev.greenlight.checkingest.kafka;

import dev.greenlight.platform.kafka.EventNotStoredException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Requests that carry one event: a single record is stored whole or not at all by itself, so it
 * needs no transaction — the broker's acknowledgement ({@code acks=all}, idempotent producer, the
 * same configuration and serializers as the platform's event producer, only without a
 * transactional id) is the proof the caller waits for before answering 2xx.
 *
 * <p>One producer is shared by every request, so records of concurrent requests leave in the same
 * produce requests; {@code linger.ms} (check-ingest's {@code greenlight.ingest.single-linger}, a few
 * milliseconds) lets them gather. Nothing waits on a request thread: {@link #sendAsync} returns the
 * send's future, completed by the producer's callback once the broker acknowledged (or failed, or
 * the acknowledgement timeout passed), and the web layer answers from it.
 */
final class SingleRecordSends implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, Object> factory;
    private final Producer<String, Object> producer;
    private final Duration ackTimeout;

    SingleRecordSends(DefaultKafkaProducerFactory<String, Object> eventProducerFactory, Duration ackTimeout,
                      Duration linger) {
        Map<String, Object> config = new HashMap<>(eventProducerFactory.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "check-ingest-single-records");
        this.factory = new DefaultKafkaProducerFactory<>(config, eventProducerFactory.getKeySerializerSupplier(),
                eventProducerFactory.getValueSerializerSupplier());
        this.producer = factory.createProducer();
        this.ackTimeout = ackTimeout;
    }

    /**
     * Completes once the broker acknowledged {@code event}; completes exceptionally with
     * {@link EventNotStoredException} when it refused it, the acknowledgement did not come within
     * the timeout, or the record could not even be handed over (no metadata within
     * {@code max.block.ms}, a serializer refusing it).
     */
    CompletableFuture<Void> sendAsync(Outgoing<?> event) {
        String topic = event.topic().name();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(event.record(), (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(new EventNotStoredException(topic, failure));
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(new EventNotStoredException(topic, e));
            return acknowledged;
        }
        return acknowledged.orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        failure instanceof EventNotStoredException ? failure : new EventNotStoredException(topic, failure)));
    }

    @Override
    public void close() {
        producer.close();
        factory.destroy();
    }
}
