package dev.greenlight.gate.decision.kafka;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A logged key-value store that keeps what the processor hands it in memory, undecoded and
 * unserialised, and writes it to the inner store (hence to its changelog) only right before each
 * commit: what a burst changes many times between two commits costs one store write and one
 * changelog record per key and commit instead of one per change.
 *
 * <p>Why a store and not the processor: the buffer must reach the changelog inside the transaction
 * that commits the input offsets and the decisions, or exactly-once would not hold. Kafka Streams
 * gives processors no pre-commit hook, but it gives stores one: before each commit
 * ({@code StreamTask#prepareCommit}) it flushes every store's cache
 * ({@code ProcessorStateManager#flushCache} → {@code CachedStateStore#flushCache}, the hook its own
 * record cache uses), then flushes the producer and commits. The buffer is written there. It is
 * dropped whenever the store is (re)initialised, recycled ({@code clearCache}) or closed — after a
 * crash, a rebalance, a standby's promotion or an aborted transaction, when Kafka Streams also
 * rewinds the store and re-initialises the processor, whose {@link GateStores} then reload from what
 * was committed. Restore and standbys copy the inner store's changelog records as they are.
 *
 * <p>Unlike Kafka's record cache it serialises nothing per change and keeps no LRU or dirty-key
 * bookkeeping: a subclass knows what its buffer holds and writes it in one pass.
 *
 * @param <V> the inner store's values
 */
abstract class CommitBufferedStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V> {

    CommitBufferedStore(KeyValueStore<String, V> inner) {
        super(inner);
    }

    /** Writes the buffer to {@link #wrapped()} and empties it: called before every commit, and only then. */
    abstract void writeBuffered();

    /** Forgets the buffer without writing it: the store is being rewound, handed over or closed. */
    abstract void dropBuffered();

    @Override
    public void flushCache() {
        writeBuffered();
        super.flushCache();
    }

    @Override
    public void clearCache() {
        dropBuffered();
        super.clearCache();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        dropBuffered();
        super.init(context, root);
    }

    @Override
    public void close() {
        dropBuffered();
        super.close();
    }
}
