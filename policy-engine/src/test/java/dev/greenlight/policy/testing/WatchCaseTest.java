package dev.greenlight.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watch cases of {@code greenlight policy test} report every wrong expectation, so they can fail. */
class WatchCaseTest {

    private static final String POLICY = """
            name: p
            version: "1"
            watch:
              duration: 7d
              guards: [errors]
            stages:
              - name: live
                traffic: 100
                guards:
                  - {name: errors, when: {metric: live_errors_total, comparator: ">", threshold: 3}, action: ROLLBACK}
                  - {name: page, when: {alert: PAGE}, action: KILL}
            """;

    @TempDir
    Path dir;

    private TestCaseResult run(String policy, String kase) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), policy);
        Path test = dir.resolve("p.test.yaml");
        Files.writeString(test, """
                policy: p.yaml
                now: 2026-01-01T00:00:00Z
                release: {target: t, version: 1.0.0, type: BUGFIX, revision: r1, author: a}
                cases:
                """ + kase);
        List<TestCaseResult> results = new PolicyTestRunner(new PolicyParser(), new PolicyEngine()).run(test);
        return results.get(0);
    }

    @Test
    void givenMatchingExpectations_thenTheCasePassesAndAnUnarmedGuardNeverShows() throws IOException {
        TestCaseResult result = run(POLICY, """
                  - name: errors after promotion
                    watch: HOTFIX
                    add:
                      metrics: [{id: m, name: live_errors_total, value: 4, at: now-1m}]
                      alerts: [{id: a, name: Down, severity: PAGE, firedAt: now-1m}]
                    expect: {duration: 7d, armed: [errors], tripped: {errors: ROLLBACK}}
                """);

        assertThat(result.failures()).isEmpty();
    }

    @Test
    void givenWrongDurationArmedAndTrips_thenEachIsReported() throws IOException {
        TestCaseResult result = run(POLICY, """
                  - name: wrong
                    watch: BUGFIX
                    add:
                      metrics: [{id: m, name: live_errors_total, value: 3, at: now-1m}]
                    expect: {duration: 1d, armed: [page], tripped: {errors: ROLLBACK}}
                """);

        assertThat(result.failures()).containsExactly("watch lasts 168h, expected 24h", "armed [errors], expected [page]",
                "tripped {}, expected {errors=ROLLBACK}");
    }

    @Test
    void givenAPolicyWithoutAWatch_thenAWatchCaseFails() throws IOException {
        TestCaseResult result = run(POLICY.replace("watch:\n  duration: 7d\n  guards: [errors]\n", ""), """
                  - name: unwatched
                    watch: CONFIG
                    expect: {tripped: {}}
                """);

        assertThat(result.failures()).containsExactly("policy p does not watch CONFIG releases after promotion");
    }
}
