package dev.greenlight.platform.kafka;

import dev.greenlight.platform.topics.Topic;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes one event to its catalogue topic and returns only after the broker acknowledged it
 * ({@code acks=all}, idempotent producer). APIs call this before answering 2xx, so a success
 * answer always means the fact is durably stored; any failure surfaces as
 * {@link EventNotStoredException} and the caller answers "retry later".
 */
public class EventPublisher {

    private final KafkaTemplate<String, Object> template;
    private final Duration ackTimeout;

    public EventPublisher(KafkaTemplate<String, Object> template, Duration ackTimeout) {
        this.template = template;
        this.ackTimeout = ackTimeout;
    }

    /** Publishes {@code value} keyed by {@code target}; blocks until acknowledged. */
    public <V> RecordMetadata publish(Topic<V> topic, String target, V value) {
        try {
            return template.send(topic.name(), target, value)
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotStoredException(topic.name(), e);
        } catch (ExecutionException e) {
            throw new EventNotStoredException(topic.name(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // KafkaTemplate.send itself throws when metadata cannot be fetched within max.block.ms.
            throw new EventNotStoredException(topic.name(), e);
        }
    }
}
