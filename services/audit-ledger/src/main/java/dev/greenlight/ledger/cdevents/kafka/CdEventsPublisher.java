package dev.greenlight.ledger.cdevents.kafka;

import dev.greenlight.ledger.cdevents.application.CdEvent;
import dev.greenlight.ledger.cdevents.application.CdEventMapping;
import dev.greenlight.ledger.cdevents.format.CloudEventsJson;
import dev.greenlight.ledger.cdevents.http.CloudEventsHttpSink;
import dev.greenlight.platform.topics.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The thin adapter of CDEvents out: each decision, rollout step, rollback and sign-off read from the
 * fact topics becomes (through the pure {@link CdEventMapping}) one CloudEvent in structured mode on
 * {@code greenlight.cdevents} (CloudEvents Kafka binding: the JSON event as the value,
 * {@code content-type: application/cloudevents+json} header, the target as key) and, when configured,
 * on the HTTP sink.
 *
 * <p>At-least-once: the listener's offset is committed only after the broker acknowledged the record
 * and the sink answered 2xx; a failure is retried (same record, same bytes) until it succeeds. A
 * crash between the send and the commit sends the event again with the same CloudEvents {@code id} —
 * the source event's {@code meta.eventId} — so a consumer recognises the duplicate.
 */
public final class CdEventsPublisher {

    private final CdEventMapping mapping;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Optional<CloudEventsHttpSink> sink;
    private final Duration ackTimeout;
    private final CloudEventsJson format = new CloudEventsJson();

    public CdEventsPublisher(CdEventMapping mapping, KafkaTemplate<String, byte[]> kafka,
                             Optional<CloudEventsHttpSink> sink, Duration ackTimeout) {
        this.mapping = mapping;
        this.kafka = kafka;
        this.sink = sink;
        this.ackTimeout = ackTimeout;
    }

    /** Publishes the CDEvent of one source record, if it has one; returns only once it is stored. */
    public void publish(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof SpecificRecord event)) {
            return;
        }
        Optional<CdEvent> cdEvent = mapping.map(event);
        if (cdEvent.isEmpty()) {
            return;
        }
        CloudEvent cloudEvent = CloudEventsJson.cloudEvent(cdEvent.get());
        ProducerRecord<String, byte[]> out = KafkaMessageFactory
                .createWriter(Topics.CDEVENTS.name(), null, cdEvent.get().time().toEpochMilli(), cdEvent.get().key())
                .writeStructured(cloudEvent, format);
        try {
            kafka.send(out).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + cloudEvent.getId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("greenlight.cdevents did not acknowledge " + cloudEvent.getId(), e);
        }
        sink.ifPresent(s -> s.send(cloudEvent));
    }
}
