package dev.greenlight.approval.holds.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holds that stand right now, by hold id, kept in step with the holds topic (and with this
 * instance's own writes at once). A lifted hold is forgotten: it no longer stands, and its
 * history is in the ledger.
 */
public final class StandingHolds {

    private final Map<String, StandingHold> byId = new ConcurrentHashMap<>();

    public void record(StandingHold hold) {
        byId.putIfAbsent(hold.holdId(), hold);
    }

    public void lift(String holdId) {
        byId.remove(holdId);
    }

    public Optional<StandingHold> byId(String holdId) {
        return Optional.ofNullable(byId.get(holdId));
    }

    /** The standing hold with this name, if any (names are unique among standing holds). */
    public Optional<StandingHold> byName(String name) {
        return byId.values().stream().filter(hold -> hold.name().equals(name)).findFirst();
    }

    /** Every standing hold, oldest first. */
    public List<StandingHold> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(StandingHold::placedAt).thenComparing(StandingHold::holdId))
                .toList();
    }
}
