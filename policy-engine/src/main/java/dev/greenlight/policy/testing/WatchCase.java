package dev.greenlight.policy.testing;

import dev.greenlight.policy.engine.GuardTrip;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Stage;
import dev.greenlight.policy.model.WatchRule;
import dev.greenlight.policy.parser.Mapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A policy test case about the post-promotion watch ({@code watch: <release type>} instead of
 * {@code stage:}): what the policy watches a release of that type for once it is fully promoted,
 * and which armed guards the case's evidence trips with which action —
 * <pre>
 * - name: live errors after promotion roll a BUGFIX back
 *   watch: BUGFIX
 *   add: {metrics: [{id: le9, name: live_errors_total, value: 4, at: now-1h}]}
 *   expect: {duration: 7d, armed: [live-errors, ...], tripped: {live-errors: ROLLBACK}}
 * </pre>
 * {@code tripped: {}} expects no armed guard to trip. Guards of the final stage that the watch does
 * not arm never appear, exactly as the rollout controller ignores them. The case's result carries
 * no decision (null): a watch is not a gate.
 */
final class WatchCase {

    private WatchCase() {
    }

    static TestCaseResult run(String file, Mapping c, Policy policy, Evidence evidence, Instant at,
                              PolicyEngine engine) {
        String name = c.string("name");
        ReleaseType type = c.parseEnum("watch", c.string("watch"), ReleaseType.class);
        Mapping expect = c.mapping("expect", "expect");
        List<String> failures = new ArrayList<>();
        Optional<WatchRule> rule = policy.watch().forType(type);
        if (rule.isEmpty()) {
            failures.add("policy " + policy.name() + " does not watch " + type + " releases after promotion");
            List.of("duration", "armed", "tripped").forEach(expect::has);  // read, so only typos are unknown
        } else {
            check(expect, rule.get(), policy, evidence, at, engine, failures);
        }
        expect.rejectUnknownKeys();
        c.rejectUnknownKeys();
        return new TestCaseResult(file, c.line(), name, failures, null);
    }

    private static void check(Mapping expect, WatchRule rule, Policy policy, Evidence evidence, Instant at,
                              PolicyEngine engine, List<String> failures) {
        expect.optionalDuration("duration").filter(d -> !d.equals(rule.duration()))
                .ifPresent(d -> failures.add("watch lasts " + text(rule.duration()) + ", expected " + text(d)));
        if (expect.has("armed")) {
            List<String> armed = rule.guards().stream().map(g -> g.guard()).toList();
            List<String> expected = expect.strings("armed");
            if (!armed.equals(expected)) {
                failures.add("armed " + armed + ", expected " + expected);
            }
        }
        Stage last = policy.stages().get(policy.stages().size() - 1);
        Map<String, String> tripped = new LinkedHashMap<>();
        for (GuardTrip trip : engine.trippedGuards(policy, last.name(), evidence, at)) {
            rule.armed(trip.guard().name()).ifPresent(armed -> tripped.put(armed.guard(), armed.action().name()));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        Mapping trips = expect.mapping("tripped", "tripped");
        for (String guard : trips.keys()) {
            expected.put(guard, trips.string(guard).trim().toUpperCase(Locale.ROOT));
        }
        if (!tripped.equals(expected)) {
            failures.add("tripped " + tripped + ", expected " + expected);
        }
    }

    private static String text(Duration duration) {
        return duration.toString().toLowerCase(Locale.ROOT).replace("pt", "");
    }
}
