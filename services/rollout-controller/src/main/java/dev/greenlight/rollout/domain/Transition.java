package dev.greenlight.rollout.domain;

import java.util.List;

/** The result of one command or event: the new state and what must be emitted, in order. */
public record Transition(TargetState state, List<RolloutEffect> effects) {

    public Transition {
        effects = List.copyOf(effects);
    }
}
