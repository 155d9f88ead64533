package dev.greenlight.cli.demo;

import dev.greenlight.cli.stack.StackClockControl;
import dev.greenlight.cli.stack.StackNotRunningException;
import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.cli.api.GreenlightApi;
import dev.greenlight.cli.deploy.FollowCommand;
import dev.greenlight.cli.read.StatusCommand;
import dev.greenlight.events.DeploymentCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The RL policy runbook ({@code policies/rl-policy-go-nogo.yaml}) acted out against a running
 * stack through its public APIs, one narrated step at a time: shadow on a clean scan, two 48 h
 * validations, the go/no-go review, the ramp to 10 %, a page alert at T+30 tripping the kill
 * switch, and the auditor's ledger verify and replay. Every effect is observed, never assumed:
 * each step waits until the services show it, or fails by name.
 *
 * <p>People and machines act as the local stack's demo users: {@code ci} reports evidence,
 * {@code erin} (on-call, tech-lead) acknowledges and approves, {@code dave} (release-captain)
 * approves, {@code bob} (auditor) reads.
 */
final class DemoScenario {

    static final String SHADOW = "shadow";
    static final String LIVE_10 = "live-10";

    /** The live-10 criteria only people satisfy: on-call coverage and the human review. */
    private static final Set<String> PEOPLES_CRITERIA = Set.of("on-call-ack", "human-review");
    private static final Duration VALIDATION_RUN = Duration.ofHours(48);
    private static final Duration T_PLUS_30 = Duration.ofMinutes(30);
    private static final Duration ON_CALL_WINDOW = Duration.ofHours(8);
    /** Longer real waits than this are skipped over with a jump, to stay within two minutes. */
    private static final Duration LONGEST_REAL_WAIT = Duration.ofSeconds(30);

    private final Narrator narrator;
    private final Poller poller;
    private final StackClockControl clock;
    private final ApiOptions services;
    private final DemoRelease release;
    private final double daySeconds;
    private final DemoDeployer deployer;

    private final GreenlightApi ci = new GreenlightApi("demo-ci");
    private final GreenlightApi alertmanager = new GreenlightApi("demo-alertmanager");
    private final GreenlightApi dave = new GreenlightApi("demo-dave");
    private final GreenlightApi erin = new GreenlightApi("demo-erin");
    private final GreenlightApi bob = new GreenlightApi("demo-bob");

    DemoScenario(Narrator narrator, Poller poller, StackClockControl clock, ApiOptions services, DemoRelease release,
                 double daySeconds, DemoDeployer deployer) {
        this.narrator = narrator;
        this.poller = poller;
        this.clock = clock;
        this.services = services;
        this.release = release;
        this.daySeconds = daySeconds;
        this.deployer = deployer;
    }

    /** Runs every step in order; returns the simulated time that passed. */
    Duration run() {
        Instant simulatedStart = step("reach the stack", this::reachStack);
        register();
        shadow();
        Instant firstRunEnd = firstValidationRun();
        secondValidationRun(firstRunEnd);
        readinessEvidence();
        onCallAck();
        approvalsMakeLive10Go();
        DeploymentCommand ramp = rampTo10();
        pageAlertTripsTheGuard(ramp);
        ledgerVerifies();
        ledgerReplays();
        return Duration.between(simulatedStart, now());
    }

    private Instant reachStack() {
        StackClockControl.State state = clock.read();
        try {
            ci.get(services.checkIngest(), "/actuator/health");
        } catch (ApiException e) {
            throw new StackNotRunningException("the stack clock answers at " + clock.url()
                    + " but check-ingest does not at " + services.checkIngest()
                    + ": start the stack with ./greenlight up (or pass --check-ingest-url)");
        }
        narrator.title("Greenlight demo: " + release.ref() + " through the RL policy go/no-go runbook");
        narrator.detail("policy rl-policy-go-nogo: shadow (0 %) -> live-10 (10 % influence, watched 2 h, "
                + "kill switch on a page)");
        narrator.detail("stack clock at " + state.now() + "; acting as the demo users ci, erin, dave and bob");
        if (state.rate() != 1) {
            // Steps before the validation run must not age the evidence: they run at real speed.
            clock.rate(1);
        }
        return state.now();
    }

    /** Only the validation window runs fast: approvals, ramp and guards are watched at real speed. */
    private void accelerate() {
        double rate = 86_400d / daySeconds;
        step("accelerate the clock", () -> clock.rate(rate));
        narrator.step(String.format("Clock accelerated for every service: one simulated day per %s s (rate %.0fx).",
                seconds(daySeconds), rate));
    }

    private void register() {
        step("register the release", () -> ci.post(services.checkIngest(), "/api/v1/releases", Map.of(
                "target", release.target(), "version", release.version(), "type", "MODEL",
                "revision", release.revision(), "author", release.author(),
                "changelog", "greenlight demo: a new RL policy")));
        narrator.step("CI registers @|bold " + release.ref() + "|@ (MODEL, revision " + release.revision() + ", by "
                + release.author() + "): influence stays at 0 % until every GO criterion holds.");
    }

    private void shadow() {
        Instant now = now();
        step("report the security scan", () -> ci.post(services.checkIngest(), "/api/v1/checks",
                RlPolicyEvidence.check(release, "security-scan", now.minus(Duration.ofMinutes(10)), now,
                        "no secrets, low-risk dependencies")));
        awaitOutcome("shadow GO", SHADOW, "GO");
        narrator.step("Security scan PASS -> gate @|green,bold GO|@ for shadow: only a clean build may run, "
                + "at 0 % influence.");

        deployer.start();
        DeploymentCommand shadowCommand = awaitAcknowledged("the deployer acknowledges the 0 % command",
                command -> command.getTrafficPercent() == 0, 0);
        JsonNode rollout = awaitRollout("the controller records the 0 % acknowledgement",
                view -> view.path("unacknowledgedCommands").isEmpty());
        narrator.step("The built-in reference deployer applies and acknowledges the shadow command:");
        narrator.detail("deployer <- " + FollowCommand.describe(shadowCommand));
        narrator.detail("rollout: " + thisRollout(rollout).path("nextStep").asString(""));
    }

    private Instant firstValidationRun() {
        Duration realWait = Duration.ofMillis(Math.round(VALIDATION_RUN.toHours() / 24d * daySeconds * 1000));
        narrator.step("Validation run 1 of 2 starts: the policy runs 48 h against shadow traffic.");
        if (realWait.compareTo(LONGEST_REAL_WAIT) <= 0) {
            accelerate();
        }
        Instant started = now();
        Instant until = started.plus(VALIDATION_RUN);
        if (realWait.compareTo(LONGEST_REAL_WAIT) <= 0) {
            narrator.detail("letting 48 simulated hours pass, about " + realWait.toSeconds() + " s of real time...");
            poller.extendedBy(realWait).await("let 48 h pass", () -> now().isBefore(until) ? null : Boolean.TRUE);
        } else {
            narrator.skip("48 h (at this clock rate it would take " + realWait.toSeconds() + " s)");
            step("skip ahead 48 h", () -> clock.advance(Duration.between(now(), until)));
        }
        // Real time from here: the go/no-go review and the 2 h live watch are what the demo shows.
        step("return the clock to real time", () -> clock.rate(1));
        Instant completed = now();
        step("report validation run 1", () -> ci.post(services.checkIngest(), "/api/v1/checks",
                RlPolicyEvidence.check(release, "validation-48h", started, completed, "48 h shadow validation: PASS")));
        narrator.step("Validation run 1: @|green PASS|@ over 48 h; clock back to real time for the go/no-go review.");
        return completed;
    }

    private void secondValidationRun(Instant firstRunEnd) {
        narrator.skip("48 h: validation run 2 runs just like run 1 (keeps the demo under two minutes)");
        step("skip ahead 48 h", () -> clock.advance(VALIDATION_RUN));
        Instant completed = now();
        step("report validation run 2", () -> ci.post(services.checkIngest(), "/api/v1/checks",
                RlPolicyEvidence.check(release, "validation-48h", firstRunEnd, completed,
                        "48 h shadow validation: PASS")));
        narrator.step("Validation run 2: @|green PASS|@; two consecutive 48 h validations, the latest minutes old.");
    }

    private void readinessEvidence() {
        Instant now = now();
        step("report the readiness checks", () -> ci.post(services.checkIngest(), "/api/v1/checks",
                RlPolicyEvidence.readinessChecks(release, now)));
        step("report the live-10 metrics", () -> ci.post(services.checkIngest(), "/api/v1/metrics",
                RlPolicyEvidence.healthyMetrics(release, now)));
        narrator.step("CI and monitoring report readiness: " + RlPolicyEvidence.READINESS_CHECKS.size()
                + " checks PASS (preflight diff, kill-switch test, rollback drill...), "
                + RlPolicyEvidence.HEALTHY_METRICS.size() + " metrics in bounds (budget burn 12 %, entropy 0.93...).");
        // Machines have said all they can; what is left is for people (on-call, approvers).
        JsonNode decision = await("the gate sees the readiness evidence", () -> {
            JsonNode live10 = decision(LIVE_10);
            return live10 != null && PEOPLES_CRITERIA.containsAll(GateViews.unmetNames(live10)) ? live10 : null;
        });
        narrator.detail("gate: live-10 " + GateViews.outcomeMarkup(decision.path("outcome").asString())
                + ", only people's evidence missing: " + String.join(", ", GateViews.unmet(decision)));
    }

    private void onCallAck() {
        Instant now = now();
        step("acknowledge on-call coverage", () -> erin.post(services.approval(), "/api/v1/acks", Map.of(
                "target", release.target(), "version", release.version(),
                "windowStart", now.toString(), "windowEnd", now.plus(ON_CALL_WINDOW).toString())));
        narrator.step("On-call (erin) acknowledges the deployment window: ramp plus the 2 h watch are covered.");
    }

    private void approvalsMakeLive10Go() {
        step("approve as release captain", () -> approve(dave, "release-captain", "automated results reviewed"));
        step("approve as tech lead", () -> approve(erin, "tech-lead", "policy health approved"));
        narrator.step("Human review: release captain (dave) and tech lead (erin) approve, four-eyes apart from "
                + release.author() + ".");
        awaitOutcome("live-10 GO", LIVE_10, "GO");
        narrator.step("Every GO criterion holds -> gate @|green,bold GO|@ for live-10:");
        narrator.block(statusTable());
    }

    private DeploymentCommand rampTo10() {
        DeploymentCommand ramp = awaitAcknowledged("the deployer acknowledges the 10 % command",
                command -> command.getTrafficPercent() == 10, 0);
        JsonNode view = awaitRollout("the rollout ramps to 10 %", v -> {
            JsonNode rollout = thisRollout(v);
            return v.path("unacknowledgedCommands").isEmpty() && "STAGE_LIVE".equals(rollout.path("status").asString())
                    && rollout.path("trafficPercent").asInt() == 10;
        });
        JsonNode rollout = thisRollout(view);
        narrator.step("Rollout ramps to @|cyan,bold 10 %|@ influence; the deployer applies and acknowledges it:");
        narrator.detail("deployer <- " + FollowCommand.describe(ramp));
        narrator.detail("live-10 soaks until " + rollout.path("soakUntil").asString("") + " under guards "
                + String.join(", ", texts(rollout.path("activeGuards"))));
        return ramp;
    }

    private void pageAlertTripsTheGuard(DeploymentCommand ramp) {
        narrator.skip("30 minutes to the T+30 monitoring checkpoint");
        step("skip ahead 30 minutes", () -> clock.advance(T_PLUS_30));
        Instant now = now();
        step("fire the page alert", () -> alertmanager.post(services.checkIngest(), "/webhooks/alertmanager",
                RlPolicyEvidence.pageAlert(release, "PolicyHeartbeatStale", now)));
        narrator.step("At T+30 Alertmanager pages: @|red,bold PolicyHeartbeatStale|@ (severity page) for "
                + release.target() + ".");
        DeploymentCommand kill = awaitAcknowledged("the guard's rollback to 0 % reaches the deployer",
                command -> command.getTrafficPercent() == 0, ramp.getSequence());
        JsonNode view = awaitRollout("the kill switch freezes the rollout",
                v -> v.path("killSwitch").path("active").asBoolean());
        narrator.step("Guard @|red,bold page-alert|@ trips -> kill switch on -> rollback to @|cyan,bold 0 %|@. "
                + "The deployer receives:");
        narrator.detail("deployer <- " + FollowCommand.describe(kill));
        narrator.detail("rollout: " + thisRollout(view).path("status").asString() + ", kill switch: "
                + view.path("killSwitch").path("reason").asString("on") + " (lifting it takes the founder)");
        JsonNode decision = awaitOutcome("live-10 NO-GO on the page alert", LIVE_10, "NO_GO");
        narrator.detail("gate: live-10 " + GateViews.outcomeMarkup("NO_GO") + ", failing: "
                + String.join(", ", GateViews.unmet(decision)));
    }

    private void ledgerVerifies() {
        int acknowledged = deployer.acknowledged().size();
        String entries = "/api/v1/ledger/entries?size=1&type=DeploymentApplied&release=" + encode(release.target());
        await("the ledger records every acknowledgement", () ->
                bob.get(services.ledger(), entries).path("total").asLong() >= acknowledged ? Boolean.TRUE : null);
        JsonNode verify = await("ledger verify", () -> {
            JsonNode answer = bob.get(services.ledger(), "/api/v1/ledger/verify");
            return answer.path("ok").asBoolean() ? answer : null;
        });
        narrator.step("Auditor (bob) verifies the ledger: @|green,bold OK|@  " + verify.path("entries").asLong()
                + " entries, " + verify.path("checkpoints").asLong() + " checkpoints, tree size "
                + verify.path("treeSize").asLong() + " (every hash, chain, Merkle root and signature recomputed).");
    }

    private void ledgerReplays() {
        String path = "/api/v1/ledger/replay?release=" + encode(release.ref());
        JsonNode[] last = new JsonNode[1];
        try {
            JsonNode replay = await("ledger replay", () -> {
                last[0] = bob.get(services.ledger(), path);
                JsonNode answer = last[0];
                long replayed = answer.path("replayed").asLong();
                return answer.path("ok").asBoolean() && replayed > 0 && answer.path("reproduced").asLong() == replayed
                        ? answer : null;
            });
            narrator.step("Replay re-evaluates every recorded gate decision from the ledger alone: "
                    + "@|green,bold reproduced " + replay.path("reproduced").asLong() + " of "
                    + replay.path("replayed").asLong() + "|@, mismatched " + replay.path("mismatched").asLong()
                    + ", unreplayable " + replay.path("unreplayable").asLong() + ".");
        } catch (StepFailedException e) {
            throw new StepFailedException(e.step(), "did not reproduce every decision: "
                    + (last[0] == null ? "no answer" : last[0].toString()));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private JsonNode approve(GreenlightApi approver, String role, String comment) {
        return approver.post(services.approval(), "/api/v1/approvals", Map.of("target", release.target(),
                "version", release.version(), "role", role, "verdict", "APPROVE", "comment", comment));
    }

    /** The status command's own table for live-10, so the demo shows exactly what operators read. */
    private String statusTable() {
        StringWriter table = new StringWriter();
        CommandLine status = new CommandLine(new StatusCommand());
        status.setOut(new PrintWriter(table, true));
        status.setErr(new PrintWriter(table, true));
        status.execute(release.ref(), "--stage", LIVE_10, "--token", "demo-bob",
                "--gate-url", services.gate().toString());
        return table.toString();
    }

    private Instant now() {
        return step("read the stack clock", clock::read).now();
    }

    /** Runs one action of a step; a refusal fails the step by name, an unreachable service the demo. */
    private <T> T step(String name, Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw failure(name, e);
        } catch (IllegalStateException e) {
            throw new StepFailedException(name, "failed: " + e.getMessage());
        }
    }

    private <T> T await(String name, Supplier<T> probe) {
        return poller.await(name, () -> {
            try {
                return probe.get();
            } catch (ApiException e) {
                // Not known yet (the service has not read the event) or briefly unavailable: keep waiting.
                if (e.status() == 404 || e.status() == 503) {
                    return null;
                }
                throw failure(name, e);
            }
        });
    }

    private static RuntimeException failure(String name, ApiException e) {
        return e.status() == 0 ? new StackNotRunningException(e.getMessage())
                : new StepFailedException(name, "was refused: " + e.getMessage());
    }

    private JsonNode awaitOutcome(String name, String stage, String outcome) {
        return await(name, () -> {
            JsonNode decision = decision(stage);
            return decision != null && outcome.equals(decision.path("outcome").asString()) ? decision : null;
        });
    }

    private JsonNode decision(String stage) {
        JsonNode view = bob.get(services.gate(), "/api/v1/releases/" + encode(release.target()) + "/"
                + encode(release.version()));
        for (JsonNode decision : view.path("decisions")) {
            if (stage.equals(decision.path("stage").asString())) {
                return decision;
            }
        }
        return null;
    }

    private JsonNode awaitRollout(String name, Predicate<JsonNode> until) {
        return await(name, () -> {
            JsonNode view = bob.get(services.rollout(), "/api/v1/rollouts/" + encode(release.target()));
            return until.test(view) ? view : null;
        });
    }

    private JsonNode thisRollout(JsonNode view) {
        for (JsonNode rollout : view.path("rollouts")) {
            if (release.version().equals(rollout.path("version").asString())) {
                return rollout;
            }
        }
        return GreenlightApi.json().createObjectNode();
    }

    /** The first command of this release acknowledged after {@code afterSequence} that matches. */
    private DeploymentCommand awaitAcknowledged(String name, Predicate<DeploymentCommand> matching,
                                                long afterSequence) {
        return poller.await(name, () -> {
            deployer.failure().ifPresent(e -> {
                throw new StepFailedException(name, "failed: the built-in deployer stopped: " + e.getMessage()
                        + " (check --bootstrap-servers and --registry-url)");
            });
            return deployer.acknowledged().stream()
                    .filter(command -> release.version().equals(command.getVersion()))
                    .filter(command -> command.getSequence() > afterSequence)
                    .filter(matching)
                    .findFirst().orElse(null);
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static String seconds(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
