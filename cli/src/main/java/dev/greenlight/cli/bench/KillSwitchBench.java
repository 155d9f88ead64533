package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Kill switch → deployment command: on-call ({@code demo-erin}) activates the kill switch of a target
 * whose release is deployed, and the clock stops when the 0 % {@code DeploymentCommand} a deployer
 * acts on is visible to a {@code read_committed} consumer. The targets fall under the default
 * {@code trading-strategy} policy, whose paper stage (traffic 0, but deployed) a STRATEGY release
 * reaches with five passing checks, a code review and an audit sign-off by someone other than its
 * author, and a walk-forward consistency sample.
 */
final class KillSwitchBench {

    /** The checks a STRATEGY release needs for the trading-strategy policy's paper stage. */
    private static final List<String> PAPER_CHECKS =
            List.of("lint", "unit-tests", "anti-bias-tests", "security-scan", "audit-verification");

    /** How long the approval service may take to read a registration check-ingest acknowledged. */
    private static final Duration KNOWN_WITHIN = Duration.ofSeconds(30);

    private static final String AUDIT_CHECK = "audit-verification";
    private static final String AUDIT_DETAILS = "{\"verdict\":\"PASS\",\"openFixes\":0}";

    /** A command as the watcher saw it. */
    private record Seen(long sequence, int trafficPercent, long nanos) {
    }

    private final BenchStack stack;
    private final BenchHttp http;
    private final String runId;

    KillSwitchBench(BenchStack stack, BenchHttp http, String runId) {
        this.stack = stack;
        this.http = http;
        this.runId = runId;
    }

    Section measure(int samples, Duration drain, KafkaCeilings.Result raw) throws Exception {
        Map<String, List<Seen>> commands = new ConcurrentHashMap<>();
        List<String> notes = new ArrayList<>();
        long[] nanos;
        try (TopicWatcher<DeploymentCommand> watcher = new TopicWatcher<>(stack.superUser(), stack.registryUrl(),
                Topics.DEPLOYMENT_COMMANDS, (command, seen) -> commands
                .computeIfAbsent(command.getTarget(), t -> new CopyOnWriteArrayList<>())
                .add(new Seen(command.getSequence(), command.getTrafficPercent(), seen)))) {
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                String target = "bench-" + runId + "-k" + i;
                deploy(target, i);
                targets.add(target);
            }
            Load.LongList latencies = new Load.LongList();
            for (String target : targets) {
                if (!await(() -> !commands.getOrDefault(target, List.of()).isEmpty(), drain)) {
                    notes.add(target + ": its paper deployment command never came; not timed; the gate's view: "
                            + gateView(target, targets.indexOf(target)));
                    continue;
                }
                long lastSequence = commands.get(target).stream().mapToLong(Seen::sequence).max().orElseThrow();
                long start = System.nanoTime();
                http.postOk(stack.url(StackService.APPROVAL) + "/api/v1/kill-switch", "erin", """
                        {"target":"%s","action":"ACTIVATE","reason":"greenlight bench"}""".formatted(target));
                if (await(() -> commands.get(target).stream().anyMatch(c -> c.sequence() > lastSequence
                        && c.trafficPercent() == 0), drain)) {
                    long seen = commands.get(target).stream().filter(c -> c.sequence() > lastSequence)
                            .mapToLong(Seen::nanos).min().orElseThrow();
                    latencies.add(seen - start);
                } else {
                    notes.add(target + ": no 0 % command within " + drain.toSeconds() + " s of the kill switch");
                }
            }
            nanos = latencies.toArray();
        }
        if (nanos.length == 0) {
            return Section.skipped("kill-switch", "Kill switch", "no kill switch produced a command: " + notes);
        }
        Latencies latencies = Latencies.of(nanos);
        notes.add(nanos.length + " activations, one at a time, each on a target deployed at paper (policy trading-strategy)");
        // In order, so a slow one can be placed: the first (a cold path) or one that met other work of the stack.
        notes.add("each activation in order, ms: " + java.util.Arrays.stream(nanos)
                .mapToObj(n -> String.valueOf(Math.round(n / 1e6))).collect(java.util.stream.Collectors.joining(", ")));
        return Section.measured("kill-switch", "Kill switch → command", List.of(
                new Figure("request → 0 % deployment command visible p50", latencies.percentileMillis(50), "ms",
                        raw.latency().percentileMillis(50), "raw p50"),
                new Figure("request → 0 % deployment command visible p99", latencies.percentileMillis(99), "ms",
                        raw.latency().percentileMillis(99), "raw p99")), notes);
    }

    /** Registers a STRATEGY release and gives it what paper needs: the gate says GO, the controller deploys. */
    private void deploy(String target, long n) {
        String version = "1.0." + n;
        http.postOk(stack.url(StackService.CHECK_INGEST) + "/api/v1/releases", "ci",
                Evidence.release(target, version, "STRATEGY", n));
        Instant now = stack.clock().instant();
        for (String check : PAPER_CHECKS) {
            String report = Evidence.passingCheck(target, version, n, check, now);
            if (check.equals(AUDIT_CHECK)) {
                // The policy reads the audit's verdict and open fixes from the check's details.
                report = report.substring(0, report.length() - 1) + ",\"details\":" + AUDIT_DETAILS + "}";
            }
            http.postOk(stack.url(StackService.CHECK_INGEST) + "/api/v1/checks", "ci", report);
        }
        // The approval service learns the release from the releases topic, after check-ingest acknowledged it.
        String approvals = stack.url(StackService.APPROVAL) + "/api/v1/approvals";
        for (String role : List.of("code-review", "auditor")) {
            String body = """
                    {"target":"%s","version":"%s","role":"%s","verdict":"APPROVE"}""".formatted(target, version, role);
            OnceRegistered.postOk(() -> http.post(approvals, "bob", body), target + "@" + version,
                    "POST " + approvals + " as bob", KNOWN_WITHIN);
        }
        http.postOk(stack.url(StackService.CHECK_INGEST) + "/api/v1/metrics", "ci", """
                {"target":"%s","version":"%s","name":"walk_forward_consistency_pct","value":68,"observedAt":"%s"}"""
                .formatted(target, version, now));
    }

    /** What the gate says of the target's release (its stages' outcomes and what is missing), for a failure note. */
    private String gateView(String target, long n) {
        try {
            BenchHttp.Reply reply = http.get(stack.url(StackService.GATE_EVALUATOR) + "/api/v1/releases/" + target
                    + "/1.0." + n, "bob");
            String body = reply.body().replaceAll("\\s+", " ");
            return "HTTP " + reply.status() + " " + (body.length() > 1500 ? body.substring(0, 1500) + "..." : body);
        } catch (RuntimeException e) {
            return "not readable: " + e;
        }
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        return true;
    }
}
