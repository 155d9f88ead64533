package dev.greenlight.policy.model;

import java.time.Duration;
import java.util.List;

/**
 * One rollout step: entering it is gated by its criteria; once live, its guards watch it.
 *
 * @param traffic percent of traffic / position size / influence the stage runs at (0-100)
 * @param soak how long the stage must run before the next stage may be entered; enforced by the
 *             rollout controller, which knows when the stage was entered
 * @param checkpoints monitoring points decided at offsets from the stage start, in offset order
 */
public record Stage(String name, int traffic, Duration soak, List<Criterion> criteria, List<Guard> guards,
                    List<Checkpoint> checkpoints) {

    public Stage {
        criteria = List.copyOf(criteria);
        guards = List.copyOf(guards);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** A stage without monitoring checkpoints. */
    public Stage(String name, int traffic, Duration soak, List<Criterion> criteria, List<Guard> guards) {
        this(name, traffic, soak, criteria, guards, List.of());
    }

    /** The checkpoint named {@code name}, if the stage declares it. */
    public java.util.Optional<Checkpoint> checkpoint(String name) {
        return checkpoints.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
