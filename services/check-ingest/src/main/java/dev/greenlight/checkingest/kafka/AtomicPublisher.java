package dev.greenlight.checkingest.kafka;

import dev.greenlight.checkingest.evidence.application.IngestProperties;
import dev.greenlight.platform.kafka.EventNotStoredException;
import dev.greenlight.platform.kafka.GreenlightProperties;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the events of one request all-or-nothing and returns only once the broker acknowledged
 * every one of them ({@code acks=all}), which is the moment an API may answer 2xx.
 *
 * <p>A batch of check results is one request: a client that gets an error retries the whole batch,
 * so a half-stored batch would either be lost in part or (without idempotency keys downstream)
 * counted twice. How each request gets there at the broker's pace:
 * <ul>
 *   <li>one event — the common case, a monitor pushing a sample — is one record, whole or absent by
 *       itself: it goes through a shared idempotent producer without a transaction
 *       ({@link SingleRecordSends});</li>
 *   <li>several events are written inside a Kafka transaction, shared with the other batches
 *       waiting at that moment ({@link GroupCommit}); consumers read {@code read_committed}, so they
 *       see each batch whole or not at all.</li>
 * </ul>
 * Any failure, including a broker that does not answer in time, becomes
 * {@link EventNotStoredException} (503, retry later).
 *
 * <p>Needs {@code spring.kafka.producer.transaction-id-prefix}; check-ingest sets it.
 */
@Component
public class AtomicPublisher implements DisposableBean {

    private final SingleRecordSends singles;
    private final GroupCommit batches;

    AtomicPublisher(KafkaTemplate<String, Object> eventTemplate,
                    DefaultKafkaProducerFactory<String, Object> eventProducerFactory,
                    GreenlightProperties greenlight, IngestProperties ingest) {
        this.singles = new SingleRecordSends(eventProducerFactory, greenlight.publish().ackTimeout());
        this.batches = new GroupCommit(eventTemplate, ingest.batchCommitters(), greenlight.publish().ackTimeout());
    }

    public void publishAll(List<? extends Outgoing<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (events.size() == 1) {
            singles.send(events.get(0));
        } else {
            batches.publish(events);
        }
    }

    @Override
    public void destroy() {
        batches.close();
        singles.close();
    }
}
