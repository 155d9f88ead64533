package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryException;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw source record into a {@link SourceEvent}. The value bytes are kept verbatim (the
 * ledger must hold the original wire format, not a re-encoding); they are decoded only to learn the
 * event's id and type.
 *
 * <p>Every record becomes an event, so the ledger accounts for every source offset: one that is
 * not a decodable Greenlight event (tombstone, not the wire format, unknown schema id answered by a
 * reachable registry, a body that does not decode, anything on the dead-letter topic) becomes an
 * undecodable one with its reason. The one exception is a registry that does not answer
 * ({@link SchemaRegistryException#isRegistryUnavailable}, the classification the topic views use):
 * the record is good and must be read again, so that throws {@link RegistryUnavailableException}.
 */
final class SourceEventReader {

    private static final Logger log = LoggerFactory.getLogger(SourceEventReader.class);

    /** Longest header text (exception message) copied into a dead-letter entry's reason. */
    private static final int MAX_HEADER_TEXT = 300;

    private final Map<String, AvroDeserializer<Object>> deserializers = new HashMap<>();

    SourceEventReader(SchemaRegistryClient registry) {
        for (Topic<?> topic : SourceTopics.all()) {
            if (topic.valueSchema() != null) {
                deserializers.put(topic.name(), new AvroDeserializer<>(registry, topic.valueSchema()));
            }
        }
    }

    /**
     * The event {@code record} holds, or an undecodable one saying why not.
     *
     * @throws RegistryUnavailableException when only the registry's silence keeps it from decoding
     */
    SourceEvent read(ConsumerRecord<byte[], byte[]> record) {
        String target = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        if (record.topic().equals(Topics.DEAD_LETTER.name())) {
            return undecodable(record, target, deadLetterReason(record));
        }
        if (record.value() == null) {
            return undecodable(record, target, "tombstone (null value)");
        }
        AvroDeserializer<Object> deserializer = deserializers.get(record.topic());
        if (deserializer == null) {
            return undecodable(record, target, "no schema for topic " + record.topic());
        }
        try {
            Object value = deserializer.deserialize(record.topic(), record.value());
            SpecificRecord event = (SpecificRecord) value;
            GenericRecord meta = (GenericRecord) event.get(0);
            int schemaId = ByteBuffer.wrap(record.value(), 1, 4).getInt();
            return new SourceEvent(target, record.topic(), record.partition(), record.offset(),
                    String.valueOf(meta.get("eventId")), event.getSchema().getFullName(), schemaId, record.value());
        } catch (SerializationException | ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            if (SchemaRegistryException.isRegistryUnavailable(e)) {
                throw new RegistryUnavailableException(record.topic(), record.partition(), record.offset(), e);
            }
            log.warn("Recording undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return undecodable(record, target, "undecodable: " + e.getMessage());
        }
    }

    private static SourceEvent undecodable(ConsumerRecord<byte[], byte[]> record, String target, String reason) {
        return SourceEvent.undecodable(target, record.topic(), record.partition(), record.offset(), record.value(),
                reason);
    }

    /** "dead-letter record", with the origin and problem its standard headers name when present. */
    private static String deadLetterReason(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder reason = new StringBuilder("dead-letter record");
        String topic = text(record, "kafka_dlt-original-topic");
        Header partition = record.headers().lastHeader("kafka_dlt-original-partition");
        Header offset = record.headers().lastHeader("kafka_dlt-original-offset");
        if (topic != null) {
            reason.append(" from ").append(topic);
            if (partition != null && partition.value() != null && partition.value().length == Integer.BYTES) {
                reason.append('-').append(ByteBuffer.wrap(partition.value()).getInt());
            }
            if (offset != null && offset.value() != null && offset.value().length == Long.BYTES) {
                reason.append('@').append(ByteBuffer.wrap(offset.value()).getLong());
            }
        }
        String problem = text(record, "kafka_dlt-exception-message");
        if (problem != null) {
            reason.append(": ").append(problem);
        }
        if (record.value() == null) {
            reason.append(" (tombstone)");
        }
        return reason.toString();
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
        Header h = record.headers().lastHeader(header);
        if (h == null || h.value() == null) {
            return null;
        }
        String value = new String(h.value(), StandardCharsets.UTF_8);
        return value.length() > MAX_HEADER_TEXT ? value.substring(0, MAX_HEADER_TEXT) + "..." : value;
    }
}
