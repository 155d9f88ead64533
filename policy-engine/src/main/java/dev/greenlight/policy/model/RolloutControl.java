package dev.greenlight.policy.model;

import java.util.Set;

/**
 * Who may steer a rollout by hand, per command. A policy states it in its optional
 * {@code rolloutControl} section; a policy without one gets {@link #defaults()}, so no rollout is
 * ever controllable by any authenticated token (a CI publisher in particular). Roles are compared
 * exactly; the rollout controller applies these sets, and never lets the release's author promote
 * without GO whatever roles they hold.
 *
 * @param pause roles that may hold a rollout at its current traffic (a safety action: broad)
 * @param resume roles that may continue a paused rollout
 * @param abort roles that may roll a version back to the stable one
 * @param promote roles that may promote into a stage whose GO is recorded
 * @param promoteWithoutGo roles that may override the gate and promote without GO (with a reason)
 */
public record RolloutControl(Set<String> pause, Set<String> resume, Set<String> abort, Set<String> promote,
                             Set<String> promoteWithoutGo) {

    public RolloutControl {
        pause = Set.copyOf(pause);
        resume = Set.copyOf(resume);
        abort = Set.copyOf(abort);
        promote = Set.copyOf(promote);
        promoteWithoutGo = Set.copyOf(promoteWithoutGo);
    }

    /**
     * Pause: any operator role, on call included. Resume and abort: release captain, founder, on
     * call. Promote on GO: release captain or founder. Promote without GO: founder.
     */
    public static RolloutControl defaults() {
        return new RolloutControl(
                Set.of("on-call", "operations", "engineer", "platform", "tech-lead", "release-captain", "founder"),
                Set.of("release-captain", "founder", "on-call"),
                Set.of("release-captain", "founder", "on-call"),
                Set.of("release-captain", "founder"),
                Set.of("founder"));
    }
}
