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

    public TargetLedger {
        entries = List.copyOf(entries);
        positions = Map.copyOf(positions);
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
        List<LedgerRecorded> next = new ArrayList<>(entries.size() >= KEEP ? entries.subList(1, entries.size())
                : entries);
        next.add(entry);
        Map<String, Long> nextPositions = positions;
        if (source != null) {
            nextPositions = new HashMap<>(positions);
            nextPositions.put(source, offset);
        }
        return new TargetLedger(target, next, nextPositions);
    }
}
