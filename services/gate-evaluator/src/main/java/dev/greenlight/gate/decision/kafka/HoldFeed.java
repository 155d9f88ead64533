package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.events.HoldLifted;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.gate.decision.domain.GateState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Routes holds to the targets they cover. Holds arrive in a global store (every hold, every task);
 * this decides which hold events a target's state still lacks, so the gate can hand them to
 * {@code GateEvaluation.onEvent} like any other evidence: a standing hold whose {@code HoldPlaced}
 * the target has not seen yet, and the {@code HoldLifted} of a hold the target saw placed. A
 * hold placed and lifted before a target ever saw it is not fed at all. Feeding is idempotent (the
 * evaluation drops an event id it knows), so re-feeding after a restart changes nothing. Runtime
 * freeze windows ({@code FreezeDeclared} / {@code FreezeLifted}) are fed by the same rule: a
 * placement is a hold or a freeze, keyed by kind and id.
 */
final class HoldFeed {

    private final ReadOnlyKeyValueStore<String, SpecificRecord> store;
    private final Map<String, SpecificRecord> placedByHoldId = new TreeMap<>();
    private final Map<String, SpecificRecord> liftedByHoldId = new HashMap<>();
    private long seen = -1;

    HoldFeed(ReadOnlyKeyValueStore<String, SpecificRecord> store) {
        this.store = store;
    }

    /** Re-reads the holds if the store grew since the last call; true when it did. */
    boolean refresh() {
        long entries = store.approximateNumEntries();
        if (entries == seen) {
            return false;
        }
        seen = entries;
        placedByHoldId.clear();
        liftedByHoldId.clear();
        try (KeyValueIterator<String, SpecificRecord> it = store.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value instanceof HoldPlaced placed) {
                    placedByHoldId.merge("hold:" + placed.getHoldId(), placed, HoldFeed::earlier);
                } else if (kv.value instanceof HoldLifted lifted) {
                    liftedByHoldId.putIfAbsent("hold:" + lifted.getHoldId(), lifted);
                } else if (kv.value instanceof FreezeDeclared declared) {
                    placedByHoldId.merge("freeze:" + declared.getFreezeId(), declared, HoldFeed::earlier);
                } else if (kv.value instanceof FreezeLifted lifted) {
                    liftedByHoldId.putIfAbsent("freeze:" + lifted.getFreezeId(), lifted);
                }
            });
        }
        return true;
    }

    /** Whether any hold was ever placed (when none was, no target needs feeding). */
    boolean any() {
        return !placedByHoldId.isEmpty();
    }

    /** The hold events {@code state} (of {@code target}) still lacks, placements before lifts. */
    List<SpecificRecord> missing(String target, GateState<SpecificRecord> state) {
        List<SpecificRecord> placements = new ArrayList<>();
        List<SpecificRecord> lifts = new ArrayList<>();
        for (Map.Entry<String, SpecificRecord> entry : placedByHoldId.entrySet()) {
            SpecificRecord placed = entry.getValue();
            if (!EvidenceFold.coveredByHold(target, placed)) {
                continue;
            }
            boolean known = state.knowsEvidence(EvidenceFold.eventId(placed));
            SpecificRecord lifted = liftedByHoldId.get(entry.getKey());
            if (lifted == null && !known) {
                placements.add(placed);
            } else if (lifted != null && known && !state.knowsEvidence(EvidenceFold.eventId(lifted))) {
                lifts.add(lifted);
            }
        }
        placements.addAll(lifts);
        return placements;
    }

    /** One hold id is placed once; should it appear twice, the first by event id wins everywhere. */
    private static SpecificRecord earlier(SpecificRecord a, SpecificRecord b) {
        return EvidenceFold.eventId(a).compareTo(EvidenceFold.eventId(b)) <= 0 ? a : b;
    }
}
