package dev.greenlight.console.board.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One release as the console's read model stores it: its folded {@link ReleaseView} and, per source
 * topic-partition ({@code greenlight.rollouts-1}), the offset of the last record folded into it. The
 * positions make the fold idempotent: a record handed again after a crash between writing the view
 * and committing the source offset (at-least-once) leaves the view as it is, so no timeline point or
 * person's action is counted twice.
 */
public record ProjectedRelease(ReleaseView view, Map<String, Long> positions) {

    public ProjectedRelease {
        positions = Map.copyOf(positions);
    }

    /** A release not seen yet, first mentioned at {@code at}. */
    public static ProjectedRelease unknown(String target, String version, Instant at) {
        return new ProjectedRelease(ReleaseView.unknown(target, version, at), Map.of());
    }

    /** Whether the record at {@code offset} of {@code source} is already folded in. */
    public boolean folded(String source, long offset) {
        Long last = positions.get(source);
        return last != null && last >= offset;
    }

    /** The release after {@code event}, read at {@code offset} of {@code source}; itself if already folded. */
    public ProjectedRelease apply(String source, long offset, ConsoleEvent event) {
        if (folded(source, offset)) {
            return this;
        }
        Map<String, Long> next = new HashMap<>(positions);
        next.put(source, offset);
        return new ProjectedRelease(ReleaseFold.apply(view, event), next);
    }
}
