package dev.greenlight.console.board.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per topic-partition, the end offset seen at start and the next offset the projection will read:
 * the projection's lag is the sum of what remains. Unknown (-1) until every end offset is known.
 */
final class ReadProgress {

    private final Map<String, Long> ends = new ConcurrentHashMap<>();
    private final Map<String, Long> next = new ConcurrentHashMap<>();
    private volatile int partitionsKnown;

    void end(String topic, int partition, long endOffset) {
        ends.put(topic + "-" + partition, endOffset);
        partitionsKnown = ends.size();
    }

    void read(String topic, int partition, long offset) {
        next.merge(topic + "-" + partition, offset + 1, Math::max);
    }

    /** Records between what was read and the end offsets of start-up; -1 while no end offset is known. */
    long lag() {
        if (partitionsKnown == 0) {
            return -1;
        }
        long lag = 0;
        for (Map.Entry<String, Long> end : ends.entrySet()) {
            lag += Math.max(0, end.getValue() - next.getOrDefault(end.getKey(), 0L));
        }
        return lag;
    }
}
