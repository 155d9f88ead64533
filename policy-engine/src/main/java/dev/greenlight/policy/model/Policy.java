package dev.greenlight.policy.model;

import java.util.List;
import java.util.Optional;

/**
 * A parsed gate policy. The content hash identifies the exact document a decision was computed
 * with, so any decision can be reproduced from the policy file plus its evidence.
 *
 * @param contentHash lower-case hex SHA-256 of the canonical document bytes (see PolicyParser)
 * @param registration who may register which release types under this policy
 * @param rolloutControl who may promote, pause, resume and abort rollouts of releases it governs
 * @param watch the post-promotion watch: how long, per release type, which guards stay armed after
 *              the final stage completed
 * @param notifyRules subscriptions declared with the policy ({@code notify:}); empty when it declares none
 */
public record Policy(String name, String version, String description, Governs governs,
                     List<Stage> stages, Defaults defaults, String contentHash, RegistrationRules registration,
                     RolloutControl rolloutControl, PostPromotionWatch watch, List<NotifyRule> notifyRules) {

    public Policy {
        stages = List.copyOf(stages);
        notifyRules = notifyRules == null ? List.of() : List.copyOf(notifyRules);
        registration = registration == null ? RegistrationRules.none() : registration;
        rolloutControl = rolloutControl == null ? RolloutControl.defaults() : rolloutControl;
        watch = watch == null ? PostPromotionWatch.none() : watch;
    }

    /** A policy without a {@code notify:} section. */
    public Policy(String name, String version, String description, Governs governs, List<Stage> stages,
                  Defaults defaults, String contentHash, RegistrationRules registration,
                  RolloutControl rolloutControl, PostPromotionWatch watch) {
        this(name, version, description, governs, stages, defaults, contentHash, registration, rolloutControl,
                watch, List.of());
    }

    /** A policy without a post-promotion watch. */
    public Policy(String name, String version, String description, Governs governs, List<Stage> stages,
                  Defaults defaults, String contentHash, RegistrationRules registration,
                  RolloutControl rolloutControl) {
        this(name, version, description, governs, stages, defaults, contentHash, registration, rolloutControl,
                PostPromotionWatch.none());
    }

    /** A policy without a {@code registration} section and with the default {@link RolloutControl}. */
    public Policy(String name, String version, String description, Governs governs, List<Stage> stages,
                  Defaults defaults, String contentHash) {
        this(name, version, description, governs, stages, defaults, contentHash, RegistrationRules.none(),
                RolloutControl.defaults());
    }

    /** A policy without a {@code registration} section. */
    public Policy(String name, String version, String description, Governs governs, List<Stage> stages,
                  Defaults defaults, String contentHash, RolloutControl rolloutControl) {
        this(name, version, description, governs, stages, defaults, contentHash, RegistrationRules.none(),
                rolloutControl);
    }

    /** A policy with the default {@link RolloutControl}. */
    public Policy(String name, String version, String description, Governs governs, List<Stage> stages,
                  Defaults defaults, String contentHash, RegistrationRules registration) {
        this(name, version, description, governs, stages, defaults, contentHash, registration,
                RolloutControl.defaults());
    }

    public Optional<Stage> stage(String stageName) {
        return stages.stream().filter(s -> s.name().equals(stageName)).findFirst();
    }
}
