package dev.greenlight.platform.kafka;

import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.tracing.TraceparentSource;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes one event to its catalogue topic and returns only after the broker acknowledged it
 * ({@code acks=all}, idempotent producer). APIs call this before answering 2xx, so a success
 * answer always means the fact is durably stored; any failure surfaces as
 * {@link EventNotStoredException} and the caller answers "retry later".
 *
 * <p>The record carries the caller's trace context as a W3C {@code traceparent} header
 * ({@link TraceparentSource}), so the decision the event leads to can be followed back to the request.
 */
public class EventPublisher {

    private final KafkaTemplate<String, Object> template;
    private final Duration ackTimeout;
    private final TraceparentSource traces;

    public EventPublisher(KafkaTemplate<String, Object> template, Duration ackTimeout) {
        this(template, ackTimeout, TraceparentSource.NONE);
    }

    public EventPublisher(KafkaTemplate<String, Object> template, Duration ackTimeout, TraceparentSource traces) {
        this.template = template;
        this.ackTimeout = ackTimeout;
        this.traces = traces;
    }

    /** Publishes {@code value} keyed by {@code target}; blocks until acknowledged. */
    public <V> RecordMetadata publish(Topic<V> topic, String target, V value) {
        try {
            ProducerRecord<String, Object> record = new ProducerRecord<>(topic.name(), target, value);
            traces.current().ifPresent(trace -> trace.writeTo(record.headers()));
            return template.send(record)
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
