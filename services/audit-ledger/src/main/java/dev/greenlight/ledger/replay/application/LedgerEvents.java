package dev.greenlight.ledger.replay.application;

import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.evidence.SourceOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes the payloads the ledger holds back into events, each through its source topic's schema
 * with the writer schema named by the payload's schema id — the ledger stores the original wire
 * format, so this needs the schemas still in the registry (the local stack never hard-deletes them).
 * A payload that does not decode is skipped: replay is about decisions; tampering is verify's job.
 */
public final class LedgerEvents {

    private final Map<String, AvroDeserializer<Object>> deserializers = new HashMap<>();

    public LedgerEvents(SchemaRegistryClient registry) {
        for (Topic<?> topic : Topics.all()) {
            if (topic.valueSchema() != null) {
                deserializers.put(topic.name(), new AvroDeserializer<>(registry, topic.valueSchema()));
            }
        }
    }

    public List<RecordedEvent> decode(List<Entry> entries) {
        List<RecordedEvent> events = new ArrayList<>();
        for (Entry entry : entries) {
            decode(entry).ifPresent(event -> events.add(new RecordedEvent(entry.position(), event,
                    new SourceOffset(entry.sourcePartition(), entry.sourceOffset()))));
        }
        return events;
    }

    /** The event one entry recorded, or empty when its payload does not decode (see class comment). */
    public Optional<SpecificRecord> decode(Entry entry) {
        AvroDeserializer<Object> deserializer = deserializers.get(entry.sourceTopic());
        // An undecodable entry records that a source record could not be read; its bytes hold no event.
        if (deserializer == null || entry.undecodable()) {
            return Optional.empty();
        }
        try {
            return deserializer.deserialize(entry.sourceTopic(), entry.payload()) instanceof SpecificRecord event
                    ? Optional.of(event) : Optional.empty();
        } catch (SerializationException e) {
            return Optional.empty();
        }
    }
}
