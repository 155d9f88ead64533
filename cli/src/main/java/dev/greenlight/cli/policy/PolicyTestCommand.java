package dev.greenlight.cli.policy;

import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.parser.PolicyParseException;
import dev.greenlight.policy.parser.PolicyParser;
import dev.greenlight.policy.testing.PolicyTestRunner;
import dev.greenlight.policy.testing.TestCaseResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs table-driven policy tests, like {@code opa test}: the very runner the build uses for the
 * shipped policies, so a test that passes here passes in CI.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run policy tests (*.test.yaml): given evidence at times, expect outcomes and criterion statuses.",
        footer = {"", "Examples:", "  greenlight policy test                    # runs policies/tests",
            "  greenlight policy test my-tests/ rl.test.yaml", "  greenlight policy test --output json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed", "1:a case failed", "3:a test or policy file could not be read"})
public final class PolicyTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Test files or directories (default: policies/tests under the Greenlight home).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--output", defaultValue = "text", description = "text or json (${COMPLETION-CANDIDATES}).")
    OutputFormat output;

    @Option(names = {"-v", "--verbose"}, description = "Also list passing cases.")
    boolean verbose;

    @Override
    public Integer call() {
        PolicyTestRunner runner = new PolicyTestRunner(new PolicyParser(), new PolicyEngine());
        List<Path> targets = paths.isEmpty() ? List.of(defaultTests()) : paths;
        List<TestCaseResult> results = new ArrayList<>();
        try {
            for (Path target : targets) {
                results.addAll(Files.isDirectory(target) ? runner.runAll(target) : runner.run(target));
            }
        } catch (PolicyParseException | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()
                    + System.lineSeparator() + "Fix the file above, or check the path; see docs/policy.md."));
            return 3;
        }
        print(results);
        return results.stream().allMatch(TestCaseResult::passed) ? 0 : 1;
    }

    private static Path defaultTests() {
        return Path.of(System.getProperty("greenlight.home", ".")).resolve("policies").resolve("tests");
    }

    private void print(List<TestCaseResult> results) {
        PrintWriter out = spec.commandLine().getOut();
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (output == OutputFormat.json) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (TestCaseResult r : results) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("location", r.location());
                entry.put("passed", r.passed());
                entry.put("failures", r.failures());
                entry.put("outcome", r.decision() == null ? null : r.decision().outcome().name());
                json.add(entry);
            }
            out.println(JsonMapper.builder().build().writeValueAsString(
                    Map.of("passed", results.size() - failed, "failed", failed, "cases", json)));
            return;
        }
        for (TestCaseResult r : results) {
            if (!r.passed()) {
                out.println(Ansi.AUTO.string("@|red,bold FAIL|@ " + r.location()));
                r.failures().forEach(f -> out.println("       " + f));
            } else if (verbose) {
                out.println(Ansi.AUTO.string("@|green PASS|@ " + r.location()));
            }
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
    }
}
