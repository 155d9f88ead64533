package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import java.util.List;

/**
 * What the evaluator's stores hold about one release: its registration and the last emitted
 * decision of each stage evaluated so far (in stage-name order).
 */
public record ReleaseState(ReleaseRegistered release, List<GateDecided> decisions) {

    public ReleaseState {
        decisions = List.copyOf(decisions);
    }
}
