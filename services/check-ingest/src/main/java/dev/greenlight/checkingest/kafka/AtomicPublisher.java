package dev.greenlight.checkingest.kafka;

import dev.greenlight.platform.kafka.EventNotStoredException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a set of events all-or-nothing: inside one Kafka transaction, committed before returning.
 *
 * <p>A batch of check results is one request: a client that gets an error retries the whole batch,
 * so a half-stored batch would either be lost in part or (without idempotency keys downstream)
 * counted twice. Consumers read {@code read_committed}, so they see the whole batch or nothing.
 * The commit returns only after every record is acknowledged ({@code acks=all}), which is the
 * moment an API may answer 2xx. Any failure, including a broker that does not answer within the
 * producer's {@code max.block.ms}, becomes {@link EventNotStoredException} (503, retry later).
 *
 * <p>Needs {@code spring.kafka.producer.transaction-id-prefix}; check-ingest sets it.
 */
@Component
public class AtomicPublisher {

    private final KafkaTemplate<String, Object> template;

    AtomicPublisher(KafkaTemplate<String, Object> eventTemplate) {
        this.template = eventTemplate;
    }

    public void publishAll(List<? extends Outgoing<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            template.executeInTransaction(operations -> {
                events.forEach(event -> operations.send(event.topic().name(), event.target(), event.value()));
                return null;
            });
        } catch (RuntimeException e) {
            throw new EventNotStoredException(events.stream().map(event -> event.topic().name()).distinct()
                    .collect(Collectors.joining(", ")), e);
        }
    }
}
