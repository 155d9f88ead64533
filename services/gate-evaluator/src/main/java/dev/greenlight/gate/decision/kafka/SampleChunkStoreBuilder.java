package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.MetricObserved;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds a {@link SampleChunkStore} around an ordinary key-value store of chunks, so Kafka Streams
 * registers, logs, restores and hands over the chunk store like any other: logging and its
 * changelog configuration are the inner builder's. Caching stays off — the chunk store is its own
 * buffer, and a record cache under it would only copy each chunk once more.
 */
final class SampleChunkStoreBuilder implements StoreBuilder<SampleChunkStore> {

    private final StoreBuilder<KeyValueStore<String, List<MetricObserved>>> chunks;

    SampleChunkStoreBuilder(StoreBuilder<KeyValueStore<String, List<MetricObserved>>> chunks) {
        this.chunks = chunks.withCachingDisabled();
    }

    @Override
    public StoreBuilder<SampleChunkStore> withCachingEnabled() {
        throw new UnsupportedOperationException("the sample chunk store buffers a commit's samples itself");
    }

    @Override
    public StoreBuilder<SampleChunkStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<SampleChunkStore> withLoggingEnabled(Map<String, String> config) {
        chunks.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<SampleChunkStore> withLoggingDisabled() {
        chunks.withLoggingDisabled();
        return this;
    }

    @Override
    public SampleChunkStore build() {
        return new SampleChunkStore(chunks.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return chunks.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return chunks.loggingEnabled();
    }

    @Override
    public String name() {
        return chunks.name();
    }
}
