package dev.greenlight.console.board.domain;

import java.time.Instant;

/**
 * The rollout controller reported a step of a release's rollout. {@code percent} is the traffic
 * share after the step, or null when the step does not say (a rollback, an abort: the release's
 * share then drops to 0).
 */
public record TrafficMoved(String target, String version, String stage, Kind kind, Integer percent, String by,
        String reason, Instant at) implements ConsoleEvent {

    /** What happened to the rollout; the timeline marks everything but plain steps. */
    public enum Kind { STEP_STARTED, STEP_COMPLETED, PAUSED, RESUMED, GUARD_PAUSE, ROLLBACK, KILL, ABORTED, COMPLETED }
}
