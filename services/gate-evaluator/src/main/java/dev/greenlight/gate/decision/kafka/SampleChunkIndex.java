package dev.greenlight.gate.decision.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * For one loaded target: which {@link SampleChunkStore} chunk holds each of its live samples, and
 * how many live samples each chunk still holds, so a chunk is deleted when retention forgets its
 * last one. Built when the target is loaded (from the chunks, in the order they were written) and
 * kept beside its state in {@link GateStores}' cache, like the state itself only a copy of the store.
 *
 * <p>A forgotten sample whose chunk still has live ones stays in that chunk (rewriting the chunk
 * would cost the changelog record per sample this store exists to avoid); a reload brings it back,
 * and retention forgets it again at the next pruning, which every evaluation does first
 * ({@code GateEvaluation}): retention is by observation time, and the cutoff only moves forward.
 * A sample id met again in a later chunk (it was forgotten, then arrived again) is the later one.
 */
final class SampleChunkIndex {

    private final Map<String, Chunk> chunkOf = new HashMap<>();
    /** The chunk opened last. */
    private Chunk latest;

    /** The number the target's next chunk gets: above every one it had. */
    long next() {
        return latest == null ? 0 : latest.number + 1;
    }

    /**
     * Sample {@code sampleId} lives in chunk {@code number} (chunks come in order); returns the
     * number of an earlier chunk that this left without live samples, or -1.
     */
    long holds(String sampleId, long number) {
        if (latest == null || latest.number != number) {
            latest = new Chunk(number);
        }
        Chunk previous = chunkOf.put(sampleId, latest);
        if (previous == latest) {
            return -1;
        }
        latest.live++;
        if (previous != null && --previous.live == 0) {
            return previous.number;
        }
        return -1;
    }

    /** Sample {@code sampleId} was forgotten: its chunk, with the live count after it; null when no chunk held it. */
    Chunk forgotten(String sampleId) {
        Chunk chunk = chunkOf.remove(sampleId);
        if (chunk != null) {
            chunk.live--;
        }
        return chunk;
    }

    /** A chunk's number and how many of its samples are still live. */
    static final class Chunk {
        final long number;
        int live;

        private Chunk(long number) {
            this.number = number;
        }
    }
}
