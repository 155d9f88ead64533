package dev.greenlight.policy.model;

import java.time.Duration;

/**
 * What a failed checkpoint leaves the team owing, e.g. the RL playbook's "kill switch and
 * post-incident": a post-mortem due {@code due} after the failure.
 *
 * @param kind as written in the policy; {@code post-mortem} is the one kind the controller tracks
 */
public record CheckpointObligation(String kind, Duration due) {

    /** The kind the rollout controller fulfils with a PASS check named post-mortem. */
    public static final String POST_MORTEM = "post-mortem";
}
