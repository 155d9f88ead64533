package dev.greenlight.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.parser.PolicyParseException;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner must report wrong expectations, or the shipped policy tests could never fail. */
class PolicyTestRunnerTest {

    private static final String POLICY = """
            name: p
            version: "1"
            stages:
              - name: gate
                criteria:
                  - {name: unit-tests, kind: check}
            """;

    @TempDir
    Path dir;

    private List<TestCaseResult> run(String cases) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), POLICY);
        Path test = dir.resolve("p.test.yaml");
        Files.writeString(test, """
                policy: p.yaml
                now: 2026-01-01T00:00:00Z
                release: {target: t, version: 1.0.0, revision: r1, author: a}
                evidence:
                  checks: [{id: c1, name: unit-tests, status: PASS, completedAt: now-1h}]
                cases:
                """ + cases);
        return new PolicyTestRunner(new PolicyParser(), new PolicyEngine()).run(test);
    }

    @Test
    void givenMatchingExpectations_thenCasePasses() throws IOException {
        List<TestCaseResult> results = run("""
                  - name: green
                    stage: gate
                    expect: {outcome: GO, criteria: {unit-tests: PASS}, missing: []}
                """);

        assertThat(results).singleElement().satisfies(r -> assertThat(r.passed()).isTrue());
    }

    @Test
    void givenWrongOutcomeStatusAndMissing_thenEachIsReportedWithTheCaseLocation() throws IOException {
        List<TestCaseResult> results = run("""
                  - name: wrong
                    stage: gate
                    without: [c1]
                    expect: {outcome: GO, criteria: {unit-tests: PASS}, missing: []}
                """);

        TestCaseResult result = results.get(0);
        assertThat(result.location()).isEqualTo("p.test.yaml:7: wrong");
        assertThat(result.failures()).containsExactly(
                "outcome HOLD, expected GO; unit-tests=PENDING (no run of unit-tests for revision r1)",
                "criterion unit-tests is PENDING, expected PASS (no run of unit-tests for revision r1)",
                "missing [check:unit-tests], expected []");
    }

    @Test
    void givenTypoInTestFile_thenParseErrorWithLine() {
        assertThatThrownBy(() -> run("""
                  - name: typo
                    stage: gate
                    expct: {outcome: GO}
                """)).isInstanceOf(PolicyParseException.class)
                .hasMessageStartingWith("p.test.yaml:7: case 'typo': missing required key 'expect'");
    }

    @Test
    void givenHoldsAndFreezes_thenTheyAreEvidence_andWithoutDropsThem() throws IOException {
        List<TestCaseResult> results = run("""
                  - name: held and frozen
                    stage: gate
                    add:
                      holds: [{id: h1, name: incident-1, target: "*", by: erin, reason: x}]
                      freezes: [{id: f1, name: freeze-1, target: t, from: now, to: now+1h, by: erin, reason: y}]
                    expect: {outcome: HOLD, missing: ["hold:incident-1", "freeze:freeze-1"]}
                """);

        assertThat(results).singleElement().satisfies(r -> assertThat(r.passed()).as(r.failures().toString()).isTrue());
    }

    @Test
    void givenAFreezeThatEndsBeforeItStarts_thenParseErrorNamingTo() {
        assertThatThrownBy(() -> run("""
                  - name: bad window
                    stage: gate
                    add:
                      freezes: [{id: f1, name: freeze-1, target: t, from: now, to: now, by: erin, reason: y}]
                    expect: {outcome: HOLD}
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("'to' must be after 'from'");
    }
}
