package dev.greenlight.gate.decision.kafka;

import dev.greenlight.evidence.EvidenceFold;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Copies every hold event into the global {@value GateTopology#HOLDS_STORE} store, by event id.
 * Why a global store: a hold covers a target pattern, not one partition's targets, so every gate
 * task needs every hold; {@link HoldFeed} hands each task's targets the ones that cover them.
 */
final class HoldsStoreUpdater implements Processor<String, SpecificRecord, Void, Void> {

    private KeyValueStore<String, SpecificRecord> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(GateTopology.HOLDS_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() != null) {
            store.put(EvidenceFold.eventId(record.value()), record.value());
        }
    }
}
