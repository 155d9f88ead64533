package dev.greenlight.gate.decision.kafka;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds a {@link CommitBufferedStore} around an ordinary key-value store, so Kafka Streams
 * registers, logs, restores and hands over the buffered store like any other: logging and its
 * changelog configuration are the inner builder's. Caching stays off — the buffered store is its own
 * cache, and a record cache under it would only copy each write once more.
 *
 * @param <V> the inner store's values
 * @param <S> the buffered store
 */
final class CommitBufferedStoreBuilder<V, S extends CommitBufferedStore<V>> implements StoreBuilder<S> {

    private final StoreBuilder<KeyValueStore<String, V>> inner;
    private final Function<KeyValueStore<String, V>, S> buffered;

    CommitBufferedStoreBuilder(StoreBuilder<KeyValueStore<String, V>> inner,
                               Function<KeyValueStore<String, V>, S> buffered) {
        this.inner = inner.withCachingDisabled();
        this.buffered = buffered;
    }

    @Override
    public StoreBuilder<S> withCachingEnabled() {
        throw new UnsupportedOperationException("a commit-buffered store buffers a commit's writes itself");
    }

    @Override
    public StoreBuilder<S> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<S> withLoggingDisabled() {
        inner.withLoggingDisabled();
        return this;
    }

    @Override
    public S build() {
        return buffered.apply(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
