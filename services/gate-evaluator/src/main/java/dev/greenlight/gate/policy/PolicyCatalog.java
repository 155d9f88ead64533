package dev.greenlight.gate.policy;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.policy.model.AlertsCriterion;
import dev.greenlight.policy.model.ApprovalCriterion;
import dev.greenlight.policy.model.CheckCriterion;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.Governs;
import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.MetricCriterion;
import dev.greenlight.policy.model.OnCallCriterion;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Stage;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The policies this evaluator gates with, indexed by name (how releases and people refer to
 * them) and by content hash (how decisions refer to them, so a replay finds the exact document).
 *
 * <p>Selection: a release's explicit {@code policy} names its policy; otherwise, among the
 * policies whose {@code governs} matches the target and release type, the most specific one —
 * the matching target pattern with the most literal characters ({@code rl-policy*} beats a
 * catch-all {@code *}), ties broken by policy name so the choice never depends on load order. No
 * match means the release is not gated ("no policy") rather than gated by a guess.
 */
public final class PolicyCatalog {

    private final Map<String, LoadedPolicy> byName = new LinkedHashMap<>();
    private final Map<String, LoadedPolicy> byHash = new LinkedHashMap<>();
    private final Duration longestWindow;

    public PolicyCatalog(Collection<LoadedPolicy> policies) {
        policies.stream()
                .sorted(java.util.Comparator.comparing((LoadedPolicy p) -> p.policy().name()))
                .forEach(p -> {
                    byName.put(p.policy().name(), p);
                    byHash.put(p.policy().contentHash(), p);
                });
        longestWindow = byName.values().stream().map(p -> longestWindow(p.policy()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public Optional<Policy> byName(String name) {
        return Optional.ofNullable(byName.get(name)).map(LoadedPolicy::policy);
    }

    public Optional<LoadedPolicy> byHash(String contentHash) {
        return Optional.ofNullable(byHash.get(contentHash));
    }

    public List<LoadedPolicy> all() {
        return List.copyOf(byName.values());
    }

    /** The policy that gates {@code release}; empty when none is named or governs it. */
    public Optional<Policy> governing(ReleaseRegistered release) {
        if (release.getPolicy() != null) {
            return byName(release.getPolicy());
        }
        ReleaseType type = ReleaseType.valueOf(release.getReleaseType().name());
        String target = release.getTarget();
        return byName.values().stream().map(LoadedPolicy::policy)
                .filter(policy -> policy.governs().matches(target, type))
                .max(java.util.Comparator.comparingInt((Policy policy) -> specificity(policy, target, type))
                        .thenComparing(Policy::name, java.util.Comparator.reverseOrder()));
    }

    private static int specificity(Policy policy, String target, ReleaseType type) {
        return policy.governs().targets().stream()
                .filter(glob -> new Governs(List.of(glob), policy.governs().releaseTypes()).matches(target, type))
                .mapToInt(glob -> glob.replace("*", "").length())
                .max().orElse(0);
    }

    /**
     * The longest look-back any criterion or guard of any loaded policy uses; evidence older than
     * this (plus a margin) cannot change a decision and may be forgotten.
     */
    public Duration longestWindow() {
        return longestWindow;
    }

    private static Duration longestWindow(Policy policy) {
        Stream<Duration> criteria = policy.stages().stream().map(Stage::criteria).flatMap(List::stream)
                .flatMap(PolicyCatalog::windows);
        Stream<Duration> guards = policy.stages().stream().map(Stage::guards).flatMap(List::stream)
                .map(Guard::within);
        return Stream.concat(criteria, guards).filter(Objects::nonNull).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    private static Stream<Duration> windows(Criterion criterion) {
        if (criterion instanceof CheckCriterion c) {
            return Stream.of(c.maxAge(), c.minRunWindow(), c.noFailWithin());
        } else if (criterion instanceof AlertsCriterion c) {
            return Stream.of(c.window());
        } else if (criterion instanceof MetricCriterion c) {
            return Stream.of(c.window());
        } else if (criterion instanceof ApprovalCriterion c) {
            return Stream.of(c.maxAge());
        } else if (criterion instanceof OnCallCriterion c) {
            return Stream.of(c.coverFor());
        }
        return Stream.empty();
    }
}
