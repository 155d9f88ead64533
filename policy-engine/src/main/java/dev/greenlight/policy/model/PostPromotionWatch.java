package dev.greenlight.policy.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A policy's {@code watch} section. Without it a release that reaches the final stage and soaked is
 * complete at once and no guard runs any more; with it every release type, direct and immediate
 * ones included, is watched after promotion — the runbooks' rollback triggers apply to live code,
 * not only to a ramp.
 *
 * @param defaults the watch of every release type without an override; null when the policy has no watch
 * @param byReleaseType per release type overrides, already merged with the defaults
 */
public record PostPromotionWatch(WatchRule defaults, Map<ReleaseType, WatchRule> byReleaseType) {

    public PostPromotionWatch {
        Map<ReleaseType, WatchRule> copy = new EnumMap<>(ReleaseType.class);
        copy.putAll(byReleaseType);
        byReleaseType = Map.copyOf(copy);
    }

    /** No watch: the final stage completes the rollout (the behaviour of policies without the section). */
    public static PostPromotionWatch none() {
        return new PostPromotionWatch(null, Map.of());
    }

    /** The watch a release of {@code type} gets; empty when the policy declares none. */
    public Optional<WatchRule> forType(ReleaseType type) {
        return Optional.ofNullable(byReleaseType.getOrDefault(type, defaults));
    }
}
