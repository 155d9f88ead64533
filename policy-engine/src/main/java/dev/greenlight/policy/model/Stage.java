package dev.greenlight.policy.model;

import java.time.Duration;
import java.util.List;

/**
 * One rollout step: entering it is gated by its criteria; once live, its guards watch it.
 *
 * @param traffic percent of traffic / position size / influence the stage runs at (0-100)
 * @param soak how long the stage must run before the next stage may be entered; enforced by the
 *             rollout controller, which knows when the stage was entered
 */
public record Stage(String name, int traffic, Duration soak, List<Criterion> criteria, List<Guard> guards) {

    public Stage {
        criteria = List.copyOf(criteria);
        guards = List.copyOf(guards);
    }
}
