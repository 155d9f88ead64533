package dev.greenlight.policy.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The post-promotion watch one release type gets: how long its version stays watched once it runs
 * at the final stage's traffic, and which final-stage guards stay armed meanwhile.
 *
 * @param duration from the moment the final stage completed (deployment applied, soak passed); positive
 * @param guards the armed guards, in policy order; never empty
 */
public record WatchRule(Duration duration, List<WatchGuard> guards) {

    public WatchRule {
        guards = List.copyOf(guards);
    }

    /** The armed entry for {@code guardName}; empty when the guard is not armed during the watch. */
    public Optional<WatchGuard> armed(String guardName) {
        return guards.stream().filter(g -> g.guard().equals(guardName)).findFirst();
    }
}
