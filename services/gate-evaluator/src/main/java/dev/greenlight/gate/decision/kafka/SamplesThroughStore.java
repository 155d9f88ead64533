package dev.greenlight.gate.decision.kafka;

import dev.greenlight.policy.evidence.SourceOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per target, how far its metric samples were read on the metrics topic
 * ({@value GateTopology#SAMPLES_THROUGH_STORE}, value {@code partition:offset}), which its decisions'
 * series citations name. Every sample moves the mark, so a burst would change it once per sample;
 * this store keeps each target's latest mark of the commit in memory and writes it once per target
 * and commit ({@link CommitBufferedStore}: before the commit, inside its transaction). Before, the
 * same once-per-commit write came from Kafka's record cache, which still serialised the key and the
 * value and updated its LRU and dirty-key bookkeeping on every sample (5.8 % of a hot stream
 * thread's CPU in a 1 M-sample burst, docs/performance.md).
 */
final class SamplesThroughStore extends CommitBufferedStore<String> {

    /** Per target, the mark set since the last commit. */
    private final Map<String, SourceOffset> buffered = new HashMap<>();

    SamplesThroughStore(KeyValueStore<String, String> marks) {
        super(marks);
    }

    /** The target's samples were read through {@code through}; written at the next commit. */
    void put(String target, SourceOffset through) {
        buffered.put(target, through);
    }

    /** The target's mark, the one set since the last commit first; null when it has none. */
    SourceOffset get(String target) {
        SourceOffset through = buffered.get(target);
        if (through != null) {
            return through;
        }
        String stored = wrapped().get(target);
        return stored == null ? null : SourceOffset.parse(stored);
    }

    @Override
    void writeBuffered() {
        buffered.forEach((target, through) -> wrapped().put(target, through.toString()));
        buffered.clear();
    }

    @Override
    void dropBuffered() {
        buffered.clear();
    }
}
