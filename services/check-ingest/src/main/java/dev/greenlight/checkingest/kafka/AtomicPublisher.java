package dev.greenlight.checkingest.kafka;

import dev.greenlight.checkingest.evidence.application.IngestProperties;
import dev.greenlight.checkingest.tracing.RequestTraces;
import dev.greenlight.platform.kafka.EventNotStoredException;
import dev.greenlight.platform.kafka.GreenlightProperties;
import dev.greenlight.platform.tracing.TraceparentSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the events of one request all-or-nothing and completes only once the broker acknowledged
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
 * <p>Every record carries the request's trace context as a W3C {@code traceparent} header
 * ({@link TraceparentSource}, read here on the request thread; on the evidence endpoints' lean path
 * the request's own context, {@link RequestTraces}).
 *
 * <p>Needs {@code spring.kafka.producer.transaction-id-prefix}; check-ingest sets it.
 */
@Component
public class AtomicPublisher implements DisposableBean {

    private final SingleRecordSends singles;
    private final GroupCommit batches;
    private final TraceparentSource traces;

    AtomicPublisher(DefaultKafkaProducerFactory<String, Object> eventProducerFactory,
                    GreenlightProperties greenlight, IngestProperties ingest, TraceparentSource traces,
                    RequestTraces requests) {
        this.traces = requests.over(traces);
        this.singles = new SingleRecordSends(eventProducerFactory, greenlight.publish().ackTimeout(),
                ingest.singleLinger());
        this.batches = GroupCommit.over(eventProducerFactory, ingest.batchCommitters(), greenlight.publish().ackTimeout());
    }

    /** Returns once every event is acknowledged; otherwise throws {@link EventNotStoredException}. */
    public void publishAll(List<? extends Outgoing<?>> events) {
        try {
            publishAllAsync(events).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof EventNotStoredException notStored ? notStored
                    : new EventNotStoredException("events", e.getCause());
        }
    }

    /**
     * Completes once every event is acknowledged ({@code acks=all}; a batch committed); completes
     * exceptionally with {@link EventNotStoredException} otherwise. The calling thread does not wait:
     * a web request answers from this future, so no servlet thread is parked for the broker.
     */
    public CompletableFuture<Void> publishAllAsync(List<? extends Outgoing<?>> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<? extends Outgoing<?>> traced = traces.current()
                .<List<? extends Outgoing<?>>>map(trace -> events.stream().map(e -> e.within(trace)).toList())
                .orElse(events);
        return traced.size() == 1 ? singles.sendAsync(traced.get(0)) : batches.publishAsync(traced);
    }

    @Override
    public void destroy() {
        batches.close();
        singles.close();
    }
}
