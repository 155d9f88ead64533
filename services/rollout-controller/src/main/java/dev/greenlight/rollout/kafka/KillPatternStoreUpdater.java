package dev.greenlight.rollout.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Copies every org-wide kill switch flip into the global {@value RolloutTopology#KILL_PATTERNS_STORE}
 * store, keyed by its zero-padded offset so that reading the store in key order replays the flips
 * in the order they were made (the topic has one partition). Why global: a pattern covers targets
 * of every partition, so every task needs every flip ({@link PatternKills}).
 */
final class KillPatternStoreUpdater implements Processor<String, SpecificRecord, Void, Void> {

    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, SpecificRecord> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(RolloutTopology.KILL_PATTERNS_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() == null) {
            return;
        }
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(store.approximateNumEntries());
        store.put(String.format("%019d", offset), record.value());
    }
}
