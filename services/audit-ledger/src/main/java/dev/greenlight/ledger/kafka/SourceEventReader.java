package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw source record into a {@link SourceEvent}. The value bytes are kept verbatim (the
 * ledger must hold the original wire format, not a re-encoding); they are decoded only to learn the
 * event's id and type.
 */
final class SourceEventReader {

    private static final Logger log = LoggerFactory.getLogger(SourceEventReader.class);

    private final Map<String, AvroDeserializer<Object>> deserializers = new HashMap<>();

    SourceEventReader(SchemaRegistryClient registry) {
        for (Topic<?> topic : SourceTopics.all()) {
            deserializers.put(topic.name(), new AvroDeserializer<>(registry, topic.valueSchema()));
        }
    }

    /**
     * Empty for tombstones and for records that are not Greenlight events at all: those are parked
     * on the dead-letter topic by the services that consume them and carry no event id to record.
     */
    Optional<SourceEvent> read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        AvroDeserializer<Object> deserializer = deserializers.get(record.topic());
        try {
            Object value = deserializer.deserialize(record.topic(), record.value());
            SpecificRecord event = (SpecificRecord) value;
            GenericRecord meta = (GenericRecord) event.get(0);
            int schemaId = ByteBuffer.wrap(record.value(), 1, 4).getInt();
            String target = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            return Optional.of(new SourceEvent(target, record.topic(), record.partition(), record.offset(),
                    String.valueOf(meta.get("eventId")), event.getSchema().getFullName(), schemaId, record.value()));
        } catch (SerializationException | ClassCastException e) {
            log.warn("Not recording undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
