package dev.greenlight.rollout.kafka;

import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.identity.TargetPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The org-wide kill switch as one task sees it: which pattern switches are on (read in flip order
 * from the global store) and, per target, which of them it must still obey or may stop obeying.
 * The rollout machine's own kill switch does the acting — every rollout of the target to its kill
 * action — so a pattern switch behaves exactly like flipping each covered target's switch,
 * including for targets whose first rollout starts while it is on.
 */
final class PatternKills {

    /** Reason prefix of a kill applied by a pattern, so its deactivation never lifts a target's own switch. */
    static final String REASON_PREFIX = "org-wide kill switch ";

    private final ReadOnlyKeyValueStore<String, SpecificRecord> flips;
    private final Map<String, KillSwitchActivated> onByPattern = new TreeMap<>();
    private final Map<String, KillSwitchDeactivated> lastOffByPattern = new HashMap<>();
    private long seen = -1;
    private boolean everFlipped;

    PatternKills(ReadOnlyKeyValueStore<String, SpecificRecord> flips) {
        this.flips = flips;
    }

    /** Re-reads the flips if there are new ones; true when there were. */
    boolean refresh() {
        long entries = flips.approximateNumEntries();
        if (entries == seen) {
            return false;
        }
        seen = entries;
        onByPattern.clear();
        lastOffByPattern.clear();
        try (KeyValueIterator<String, SpecificRecord> it = flips.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value instanceof KillSwitchActivated on && TargetPattern.problem(on.getTarget()).isEmpty()) {
                    onByPattern.put(on.getTarget(), on);
                    lastOffByPattern.remove(on.getTarget());
                } else if (kv.value instanceof KillSwitchDeactivated off) {
                    onByPattern.remove(off.getTarget());
                    lastOffByPattern.put(off.getTarget(), off);
                }
            });
        }
        everFlipped = entries > 0;
        return true;
    }

    /** Whether any pattern was ever flipped (when none was, no target needs syncing). */
    boolean any() {
        return everFlipped;
    }

    /** The activations in force that cover {@code target}, by activation event id. */
    Map<String, KillSwitchActivated> covering(String target) {
        Map<String, KillSwitchActivated> covering = new TreeMap<>();
        for (KillSwitchActivated on : onByPattern.values()) {
            if (new TargetPattern(on.getTarget()).covers(target)) {
                covering.put(on.getMeta().getEventId(), on);
            }
        }
        return covering;
    }

    /** The deactivation that turned {@code pattern} off most recently, if any. */
    KillSwitchDeactivated lastOff(String pattern) {
        return lastOffByPattern.get(pattern);
    }

    static String reason(KillSwitchActivated on) {
        return REASON_PREFIX + on.getTarget() + " by " + on.getActivatedBy() + ": " + on.getReason();
    }

    /** Applied activation ids as stored per target (comma-separated; event ids contain no comma). */
    static Set<String> parse(String stored) {
        Set<String> ids = new LinkedHashSet<>();
        if (stored != null && !stored.isEmpty()) {
            ids.addAll(List.of(stored.split(",")));
        }
        return ids;
    }

    static String format(Set<String> ids) {
        return String.join(",", new ArrayList<>(ids));
    }
}
