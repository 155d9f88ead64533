package dev.greenlight.console.board.domain;

import java.time.Instant;

/** One point of a release's traffic-over-time: the share after {@code kind} happened at {@code at}. */
public record TimelinePoint(Instant at, int percent, TrafficMoved.Kind kind, String label) {

    /** Whether the chart marks this point (a guard trip, pause, rollback, kill or abort), not just a step. */
    public boolean marked() {
        return kind != TrafficMoved.Kind.STEP_STARTED && kind != TrafficMoved.Kind.STEP_COMPLETED;
    }
}
