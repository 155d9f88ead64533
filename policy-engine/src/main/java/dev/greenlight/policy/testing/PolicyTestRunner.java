package dev.greenlight.policy.testing;

import dev.greenlight.policy.engine.CheckpointDecision;
import dev.greenlight.policy.engine.CriterionResult;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.EvidenceItem;
import dev.greenlight.policy.evidence.Release;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.Mapping;
import dev.greenlight.policy.parser.PolicyParser;
import dev.greenlight.policy.parser.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs table-driven policy tests ({@code policies/tests/*.test.yaml}, in the spirit of
 * {@code opa test}): shared fixture evidence, then cases that remove or add items, evaluate a
 * stage at a time and state the expected outcome, criterion statuses and missing items. Lives in
 * main code so {@code greenlight policy test} and the build run the very same checks.
 *
 * <p>File format: see docs/policy.md, section "Policy tests".
 */
public final class PolicyTestRunner {

    private final PolicyParser parser;
    private final PolicyEngine engine;

    public PolicyTestRunner(PolicyParser parser, PolicyEngine engine) {
        this.parser = parser;
        this.engine = engine;
    }

    /** Runs every {@code *.test.yaml} in the directory, in file-name order. */
    public List<TestCaseResult> runAll(Path testsDirectory) {
        try (Stream<Path> files = Files.list(testsDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".test.yaml")).sorted()
                    .flatMap(file -> run(file).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list policy tests in " + testsDirectory, e);
        }
    }

    public List<TestCaseResult> run(Path testFile) {
        String fileName = testFile.getFileName().toString();
        String text;
        try {
            text = Files.readString(testFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy test " + testFile, e);
        }
        Mapping root = new Mapping(fileName, "", YamlReader.read(fileName, text));
        Policy policy = parser.parse(testFile.resolveSibling(root.string("policy")).normalize());
        Instant now = TimeExpression.absolute(root, "now");
        EvidenceReader reader = new EvidenceReader(new TimeExpression(now));
        Release release = reader.release(root.mapping("release", "release"), null);
        Evidence base = Evidence.of(release).withPreviousVersion(root.optionalString("previousVersion").orElse(null));
        Evidence fixture = root.optionalMapping("evidence", "evidence").map(m -> reader.add(m, base)).orElse(base);
        List<TestCaseResult> results = root.list("cases",
                c -> "case '" + c.optionalString("name").orElse("?") + "'",
                c -> runCase(fileName, c, policy, fixture, reader, now));
        root.rejectUnknownKeys();
        return results;
    }

    private TestCaseResult runCase(String file, Mapping c, Policy policy, Evidence fixture, EvidenceReader reader,
                                   Instant now) {
        String name = c.string("name");
        Instant at = new TimeExpression(now).optional(c, "at").orElse(now);
        Set<String> without = Set.copyOf(c.strings("without"));
        Evidence evidence = without(fixture, without);
        if (c.has("release")) {
            evidence = rebase(evidence, reader.release(c.mapping("release", "release"), evidence.release()));
        }
        if (c.has("previousVersion")) {
            evidence = evidence.withPreviousVersion(c.string("previousVersion"));
        }
        Evidence base = evidence;
        evidence = c.optionalMapping("add", "add").map(m -> reader.add(m, base)).orElse(evidence);
        if (c.has("watch")) {
            return WatchCase.run(file, c, policy, evidence, at, engine);
        }
        String stage = c.string("stage");
        Mapping expect = c.mapping("expect", "expect");
        List<String> failures = new ArrayList<>();
        Decision decision;
        Optional<String> checkpoint = c.optionalString("checkpoint");
        if (checkpoint.isPresent()) {
            // A checkpoint case: evaluated at `at` for a stage that started at `stageStartedAt`;
            // `decided` says whether that verdict is the one recorded (due, or failed for good).
            Instant stageStart = new TimeExpression(now).optional(c, "stageStartedAt").orElseThrow(() ->
                    c.fail(c.line(), "a checkpoint case needs 'stageStartedAt'"));
            CheckpointDecision verdict = engine.evaluateCheckpoint(policy, stage, checkpoint.get(), evidence,
                    stageStart, at);
            decision = verdict.decision();
            if (expect.has("decided") && expect.bool("decided", false) != verdict.decided()) {
                failures.add("checkpoint " + (verdict.decided() ? "decided" : "not decided yet") + ", expected "
                        + (verdict.decided() ? "not decided yet" : "decided") + explain(decision));
            }
        } else {
            decision = engine.evaluate(policy, stage, evidence, at);
        }
        if (!expect.has("outcome") && checkpoint.isEmpty()) {
            throw expect.fail(expect.line(), "missing required key 'outcome'");
        }
        if (expect.has("outcome")) {
            Outcome outcome = expect.enumValue("outcome", Outcome.class);
            if (decision.outcome() != outcome) {
                failures.add("outcome " + decision.outcome() + ", expected " + outcome + explain(decision));
            }
        }
        expect.optionalMapping("criteria", "criteria").ifPresent(criteria -> {
            for (String criterion : criteria.keys()) {
                String expected = criteria.string(criterion).trim().toUpperCase(Locale.ROOT);
                String actual = decision.criteria().stream().filter(r -> r.name().equals(criterion)).findFirst()
                        .map(r -> r.status().name()).orElse("NOT_EVALUATED");
                if (!actual.equals(expected)) {
                    failures.add("criterion " + criterion + " is " + actual + ", expected " + expected
                            + reasonOf(decision, criterion));
                }
            }
        });
        if (expect.has("missing")) {
            List<String> missing = expect.strings("missing");
            if (!decision.missing().equals(missing)) {
                failures.add("missing " + decision.missing() + ", expected " + missing);
            }
        }
        expect.rejectUnknownKeys();
        c.rejectUnknownKeys();
        return new TestCaseResult(file, c.line(), name, failures, decision);
    }

    private static String explain(Decision decision) {
        List<String> notPassing = decision.criteria().stream()
                .filter(r -> !Set.of("PASS", "WAIVED").contains(r.status().name()))
                .map(r -> r.name() + "=" + r.status() + " (" + r.reason() + ")").toList();
        return notPassing.isEmpty() ? "" : "; " + String.join("; ", notPassing);
    }

    private static String reasonOf(Decision decision, String criterion) {
        return decision.criteria().stream().filter(r -> r.name().equals(criterion)).findFirst()
                .map(CriterionResult::reason).map(reason -> " (" + reason + ")").orElse("");
    }

    private static Evidence without(Evidence evidence, Set<String> ids) {
        return new Evidence(evidence.release(), keep(evidence.checks(), ids), keep(evidence.alerts(), ids),
                keep(evidence.metrics(), ids), keep(evidence.approvals(), ids), keep(evidence.waivers(), ids),
                keep(evidence.onCallAcks(), ids), evidence.previousVersion(), keep(evidence.holds(), ids),
                keep(evidence.freezes(), ids));
    }

    private static Evidence rebase(Evidence evidence, Release release) {
        // Checks written without a revision were bound to the fixture's release revision; a case that
        // changes the revision wants exactly that invalidation, so items keep the revision they had.
        return evidence.withRelease(release);
    }

    private static <T extends EvidenceItem> List<T> keep(List<T> items, Set<String> ids) {
        return items.stream().filter(item -> !ids.contains(item.id())).toList();
    }
}
