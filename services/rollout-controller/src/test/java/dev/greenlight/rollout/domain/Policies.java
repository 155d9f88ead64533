package dev.greenlight.rollout.domain;

import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import java.nio.file.Path;

/** The shipped runbook policies, so tests ramp exactly what production would. */
public final class Policies {

    public static final Path DIR = Path.of("../../policies");
    public static final Policy STRATEGY = new PolicyParser().parse(DIR.resolve("trading-strategy.yaml"));
    public static final Policy RL = new PolicyParser().parse(DIR.resolve("rl-policy-go-nogo.yaml"));
    public static final Policy GATE5 = new PolicyParser().parse(DIR.resolve("gate5-release-validation.yaml"));
    /** How long trading-strategy watches a release after promotion (its {@code watch.duration}). */
    public static final java.time.Duration STRATEGY_WATCH = STRATEGY.watch().defaults().duration();

    private Policies() {
    }

    public static Guard guard(Policy policy, String stage, String name) {
        return policy.stage(stage).orElseThrow().guards().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
