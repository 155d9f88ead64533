package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.MetricObserved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The gate's metric samples, kept as <em>chunks</em>: each target's samples remembered between two
 * commits are written as one record of a logged key-value store ({@value GateTopology#SAMPLE_CHUNKS_STORE}),
 * keyed by target and a chunk number that only grows, so a burst costs one changelog record per
 * target per commit instead of one per sample (docs/performance.md, "Isolation").
 *
 * <p>Why a store of its own: samples are collected in memory per target between commits, and that
 * buffer must reach the store <em>before</em> the commit, in the same transaction as the input
 * offsets and the decisions, or exactly-once would not hold: a {@link CommitBufferedStore} writes it
 * in Kafka Streams' pre-commit hook and drops it whenever the store is rewound, handed over or
 * closed, when {@link GateStores} reload from what was committed. Restore and standbys copy the
 * chunk records as they are; {@link #chunks} splits them again.
 *
 * <p>A chunk holds at most {@value #MAX_SAMPLES} samples, so a record stays far below the
 * producer's and broker's 1 MB limits; a target with more samples in one commit gets several
 * chunks, each written as soon as it is full.
 */
final class SampleChunkStore extends CommitBufferedStore<List<MetricObserved>> {

    static final int MAX_SAMPLES = 1_000;

    private static final StringSerializer KEYS = new StringSerializer();

    /** Per target, the chunk being filled since the last commit. */
    private final Map<String, OpenChunk> open = new HashMap<>();

    SampleChunkStore(KeyValueStore<String, List<MetricObserved>> chunks) {
        super(chunks);
    }

    /**
     * Adds {@code sample} to {@code target}'s open chunk and returns that chunk's number; a chunk is
     * opened as number {@code next} when the target has none open (or a full one).
     */
    long append(String target, MetricObserved sample, long next) {
        OpenChunk chunk = open.get(target);
        if (chunk != null && chunk.samples.size() >= MAX_SAMPLES) {
            write(target, chunk);
            chunk = null;
        }
        if (chunk == null) {
            chunk = new OpenChunk(next);
            open.put(target, chunk);
        }
        chunk.samples.put(sample.getMeta().getEventId(), sample);
        return chunk.number;
    }

    /** A sample of chunk {@code number} was forgotten: an open chunk drops it, a written one keeps it. */
    void forget(String target, long number, String sampleId) {
        OpenChunk chunk = open.get(target);
        if (chunk != null && chunk.number == number) {
            chunk.samples.remove(sampleId);
        }
    }

    /** Every sample of chunk {@code number} was forgotten: it goes. */
    void delete(String target, long number) {
        OpenChunk chunk = open.get(target);
        if (chunk != null && chunk.number == number) {
            open.remove(target);
        } else {
            wrapped().delete(key(target, number));
        }
    }

    /** Each of the target's chunks in the order they were opened (the open one last), by number. */
    void chunks(String target, BiConsumer<Long, List<MetricObserved>> into) {
        String prefix = StoreKeys.targetPrefix(target);
        try (KeyValueIterator<String, List<MetricObserved>> it = wrapped().prefixScan(prefix, KEYS)) {
            it.forEachRemaining(kv -> into.accept(Long.parseLong(kv.key.substring(prefix.length())), kv.value));
        }
        OpenChunk chunk = open.get(target);
        if (chunk != null) {
            into.accept(chunk.number, new ArrayList<>(chunk.samples.values()));
        }
    }

    /** Before every commit (and only then): the open chunks go to the store, hence to its changelog. */
    @Override
    void writeBuffered() {
        open.forEach(this::write);
        open.clear();
    }

    @Override
    void dropBuffered() {
        open.clear();
    }

    private void write(String target, OpenChunk chunk) {
        if (!chunk.samples.isEmpty()) {
            wrapped().put(key(target, chunk.number), new ArrayList<>(chunk.samples.values()));
        }
    }

    /** Zero-padded, so the store's key order is the chunks' order. */
    static String key(String target, long number) {
        return StoreKeys.targetPrefix(target) + String.format("%019d", number);
    }

    /** A chunk not written yet: its samples by id, in arrival order. */
    private static final class OpenChunk {
        private final long number;
        private final LinkedHashMap<String, MetricObserved> samples = new LinkedHashMap<>();

        OpenChunk(long number) {
            this.number = number;
        }
    }
}
