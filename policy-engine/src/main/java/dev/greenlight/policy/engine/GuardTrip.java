package dev.greenlight.policy.engine;

import dev.greenlight.policy.model.Guard;
import java.time.Instant;
import java.util.List;

/**
 * A guard of a live stage whose trigger holds: what the rollout controller must do and by when.
 *
 * @param observed what tripped it, for humans (e.g. "policy_entropy = 0.74")
 * @param actBy the trigger time plus the guard's {@code within}; the trigger time when immediate
 */
public record GuardTrip(Guard guard, String observed, Instant actBy, List<String> evidenceIds) {

    public GuardTrip {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
