package dev.greenlight.console.board.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's latest entries about one target (at most {@value #KEEP}, oldest first), as the
 * console's read model stores them: the release page shows them without any instance holding the
 * whole ledger. {@code positions} make the fold idempotent like {@link ProjectedRelease}'s.
 */
public record TargetLedger(String target, List<LedgerRecorded> entries, Map<String, Long> positions) {

    /** The most entries kept per target. */
    public static final int KEEP = 200;
    /** The ledger's event type of a metric sample (the Avro record's full name). */
    private static final String SAMPLE = "dev.greenlight.events.MetricObserved";

    public TargetLedger {
        entries = List.copyOf(entries);
        positions = Map.copyOf(positions);
    }

    /**
     * Which entry makes room: the oldest metric sample if there is one, else the oldest entry. A
     * target's monitor may push a sample a second; without this its decisions, approvals and rollout
     * steps would leave the release page within minutes.
     */
    private static int evicted(List<LedgerRecorded> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (SAMPLE.equals(entries.get(i).eventType())) {
                return i;
            }
        }
        return 0;
    }

    /** No entry about {@code target} yet. */
    public static TargetLedger empty(String target) {
        return new TargetLedger(target, List.of(), Map.of());
    }

    /** With {@code entry} (read at {@code offset} of {@code source}, or from no topic when source is null) last. */
    public TargetLedger apply(String source, long offset, LedgerRecorded entry) {
        if (source != null && positions.containsKey(source) && positions.get(source) >= offset) {
            return this;
        }
        List<LedgerRecorded> next = new ArrayList<>(entries);
        if (next.size() >= KEEP) {
            next.remove(evicted(next));
        }
        next.add(entry);
        Map<String, Long> nextPositions = positions;
        if (source != null) {
            nextPositions = new HashMap<>(positions);
            nextPositions.put(source, offset);
        }
        return new TargetLedger(target, next, nextPositions);
    }
}
