package dev.greenlight.checkingest.kafka;

import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.tracing.Traceparent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

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

    /**
     * The same record with its value already written by {@code values} — the serializer the
     * producer itself would apply, called the way the producer calls it (topic, headers, value) —
     * so it can be written on the caller's thread and sent as bytes from another one. Throws
     * Kafka's {@code SerializationException} when the value cannot be written.
     */
    ProducerRecord<String, byte[]> serializedRecord(Serializer<Object> values) {
        RecordHeaders headers = new RecordHeaders();
        if (trace != null) {
            trace.writeTo(headers);
        }
        byte[] bytes = values.serialize(topic.name(), headers, value);
        return new ProducerRecord<>(topic.name(), null, target, bytes, headers);
    }
}
