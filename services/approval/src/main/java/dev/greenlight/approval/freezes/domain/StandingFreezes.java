package dev.greenlight.approval.freezes.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The freezes declared and not lifted, by freeze id, kept in step with the holds topic (and with this
 * instance's own writes at once). A lifted freeze is forgotten; its history is in the ledger.
 */
public final class StandingFreezes {

    private final Map<String, StandingFreeze> byId = new ConcurrentHashMap<>();

    public void record(StandingFreeze freeze) {
        byId.putIfAbsent(freeze.freezeId(), freeze);
    }

    public void lift(String freezeId) {
        byId.remove(freezeId);
    }

    public Optional<StandingFreeze> byId(String freezeId) {
        return Optional.ofNullable(byId.get(freezeId));
    }

    /** The standing freeze with this name, if any (names are unique among standing freezes). */
    public Optional<StandingFreeze> byName(String name) {
        return byId.values().stream().filter(freeze -> freeze.name().equals(name)).findFirst();
    }

    /** Every standing freeze, earliest window first. */
    public List<StandingFreeze> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(StandingFreeze::from).thenComparing(StandingFreeze::freezeId))
                .toList();
    }
}
