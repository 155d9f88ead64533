package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.policy.model.Policy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * Everything the stores hold about one target, decoded: what an event needs to re-evaluate the
 * target's releases without a prefix scan and an Avro decode of every stored record. It mirrors
 * the stores exactly (see {@link GateStores}, the only writer), so it may be dropped and rebuilt
 * from them at any time.
 */
final class TargetState {

    /** By release key. */
    final Map<String, ReleaseRegistered> releases = new TreeMap<>();
    /** By event id. */
    final Map<String, SpecificRecord> evidence = new TreeMap<>();
    /** The last emitted decision, by decision key. */
    final Map<String, GateDecided> decisions = new HashMap<>();
    /** The release's scheduled wake-up, by release key. */
    final Map<String, Long> wakeAt = new HashMap<>();
    /** The governing policy, by release key: a registration never changes, nor does the catalogue. */
    final Map<String, Optional<Policy>> policies = new HashMap<>();
}
