package dev.greenlight.checkingest.kafka;

import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.tracing.Traceparent;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One event to write: its catalogue topic, its key (the release target), its value and the trace
 * context of the request that produced it (null when there is none), which goes into the record's
 * {@code traceparent} header. The context is captured on the request thread because the record may
 * be sent from another one (a group commit).
 */
public record Outgoing<V>(Topic<V> topic, String target, V value, Traceparent trace) {

    public Outgoing(Topic<V> topic, String target, V value) {
        this(topic, target, value, null);
    }

    /** This event within {@code trace}. */
    Outgoing<V> within(Traceparent trace) {
        return new Outgoing<>(topic, target, value, trace);
    }

    /** The record to send, with the {@code traceparent} header when there is a trace. */
    ProducerRecord<String, Object> record() {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic.name(), target, value);
        if (trace != null) {
            trace.writeTo(record.headers());
        }
        return record;
    }
}
