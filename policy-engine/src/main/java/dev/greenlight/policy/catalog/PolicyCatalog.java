package dev.greenlight.policy.catalog;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The loaded policies, indexed by name (how releases and people refer to them) and by content
 * hash (how decisions refer to them, so a replay finds the exact document). The gate evaluator
 * picks a release's policy here, and check-ingest applies the same rules (to the catalogue of
 * the policies the gate announced) before it accepts a registration, so they cannot disagree.
 *
 * <p>Selection follows from the {@code governs} rules alone: among the policies whose
 * {@code governs} matches the target and release type, a release's explicit {@code policy} picks
 * one (a name outside that set is ignored); otherwise the most specific one —
 * the matching target pattern with the most literal characters ({@code rl-policy*} beats a
 * catch-all {@code *}), ties broken by policy name so the choice never depends on load order. No
 * match means the release is not gated ("no policy") rather than gated by a guess.
 */
public final class PolicyCatalog {

    private final Map<String, LoadedPolicy> byName = new LinkedHashMap<>();
    private final Map<String, LoadedPolicy> byHash = new LinkedHashMap<>();
    private final Duration longestWindow;

    /** A catalogue of {@code policies}; of several with one name, the last one wins. */
    public PolicyCatalog(Collection<LoadedPolicy> policies) {
        Map<String, LoadedPolicy> lastByName = new LinkedHashMap<>();
        policies.forEach(p -> lastByName.put(p.policy().name(), p));
        lastByName.values().stream()
                .sorted(Comparator.comparing((LoadedPolicy p) -> p.policy().name()))
                .forEach(p -> {
                    byName.put(p.policy().name(), p);
                    byHash.put(p.policy().contentHash(), p);
                });
        longestWindow = byName.values().stream().map(p -> longestWindow(p.policy()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * The catalogue of every policy in {@code layers}, in order: a later layer's policy replaces
     * an earlier one of the same name (e.g. an operator's directory over the packaged copy).
     */
    @SafeVarargs
    public static PolicyCatalog layered(Collection<LoadedPolicy>... layers) {
        return new PolicyCatalog(Stream.of(layers).flatMap(Collection::stream).toList());
    }

    /** The policies of one directory (see {@link PolicyLoader#fromDirectory}). */
    public static PolicyCatalog load(Path directory) {
        return new PolicyCatalog(new PolicyLoader().fromDirectory(directory));
    }

    public Optional<Policy> byName(String name) {
        return Optional.ofNullable(byName.get(name)).map(LoadedPolicy::policy);
    }

    public Optional<LoadedPolicy> byHash(String contentHash) {
        return Optional.ofNullable(byHash.get(contentHash));
    }

    /** Every policy, ordered by name. */
    public List<LoadedPolicy> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The policy that governs a release of {@code type} to {@code target}: the one it {@code named}
     * if that one governs it too, else the {@linkplain #defaultFor default}; empty when none governs.
     * A name can only choose among the policies whose {@code governs} matches, never bring in
     * another: who may name a non-default one is decided where releases are registered.
     */
    public Optional<Policy> governing(String target, ReleaseType type, String named) {
        if (named != null && governs(named, target, type)) {
            return byName(named);
        }
        return defaultFor(target, type);
    }

    /** Whether the policy called {@code name} is known and its {@code governs} matches {@code target} and {@code type}. */
    public boolean governs(String name, String target, ReleaseType type) {
        return byName(name).map(policy -> policy.governs().matches(target, type)).orElse(false);
    }

    /**
     * The policy a release of {@code type} to {@code target} gets when it names none: the most
     * specific governing one, ties broken by name; empty when none governs.
     */
    public Optional<Policy> defaultFor(String target, ReleaseType type) {
        return byName.values().stream().map(LoadedPolicy::policy)
                .filter(policy -> policy.governs().matches(target, type))
                .max(Comparator.comparingInt((Policy policy) -> specificity(policy, target, type))
                        .thenComparing(Policy::name, Comparator.reverseOrder()));
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
        // A checkpoint looks back to its stage's start (its offset), and its own criteria's windows.
        Stream<Duration> checkpoints = policy.stages().stream().map(Stage::checkpoints).flatMap(List::stream)
                .flatMap(c -> Stream.concat(Stream.of(c.at()), c.criteria().stream().flatMap(PolicyCatalog::windows)));
        return Stream.concat(Stream.concat(criteria, guards), checkpoints).filter(Objects::nonNull)
                .max(Duration::compareTo).orElse(Duration.ZERO);
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
