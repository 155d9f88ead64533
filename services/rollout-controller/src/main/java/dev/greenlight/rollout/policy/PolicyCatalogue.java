package dev.greenlight.rollout.policy;

import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The gate policies the controller ramps by, loaded once from the policies directory. A release
 * names its policy, or gets the most specific one whose {@code governs} matches its target and
 * type (the longest target glob wins, so {@code rl-policy*} beats {@code *}). Loading fails fast on
 * a broken document: a controller that cannot read a policy must not guess stages.
 */
public final class PolicyCatalogue {

    private final List<Policy> policies;

    public PolicyCatalogue(List<Policy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static PolicyCatalogue load(Path dir) {
        PolicyParser parser = new PolicyParser();
        try (Stream<Path> files = Files.list(dir)) {
            return new PolicyCatalogue(files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().map(parser::parse).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list policies in " + dir.toAbsolutePath(), e);
        }
    }

    public Optional<Policy> byName(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The policy a release is ramped by: the one it names, else the most specific match. */
    public Optional<Policy> forRelease(String target, ReleaseType type, String named) {
        if (named != null) {
            return byName(named);
        }
        return policies.stream().filter(p -> p.governs().matches(target, type))
                .max(Comparator.comparingInt(PolicyCatalogue::specificity));
    }

    private static int specificity(Policy policy) {
        return policy.governs().targets().stream().mapToInt(glob -> glob.replace("*", "").length()).max().orElse(0);
    }
}
