package dev.greenlight.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.Stage;
import dev.greenlight.policy.model.VersionCriterion;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every table-driven policy test in {@code policies/tests} through the same
 * {@link PolicyTestRunner} the CLI uses, one JUnit test per case, and insists every shipped
 * policy has tests.
 */
class ShippedPoliciesTest {

    static final Path POLICIES = Path.of("").toAbsolutePath().getParent().resolve("policies");

    static List<Path> shippedPolicies() throws IOException {
        try (Stream<Path> files = Files.list(POLICIES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPolicyTestCasePasses() {
        List<TestCaseResult> results = new PolicyTestRunner(new PolicyParser(), new PolicyEngine())
                .runAll(POLICIES.resolve("tests"));
        assertThat(results).isNotEmpty();
        return results.stream().map(result -> DynamicTest.dynamicTest(result.location(),
                () -> assertThat(result.failures()).as(result.location()).isEmpty()));
    }

    @Test
    void everyShippedPolicyParsesAndHasATestFile() throws IOException {
        assertThat(shippedPolicies()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "gate5-release-validation.yaml", "ops-release.yaml", "rl-policy-go-nogo.yaml",
                "trading-strategy.yaml");
        for (Path policy : shippedPolicies()) {
            new PolicyParser().parse(policy);
            String testFile = policy.getFileName().toString().replace(".yaml", ".test.yaml");
            assertThat(POLICIES.resolve("tests").resolve(testFile)).as("tests for " + policy).exists();
        }
    }

    @Test
    void everyStageWithLiveTrafficRefusesPreReleasesOfEveryType() throws IOException {
        // "A pre-release never reaches a production stage, whatever type it was registered with":
        // a blocking version criterion without appliesTo in every stage that takes traffic.
        for (Path file : shippedPolicies()) {
            Policy policy = new PolicyParser().parse(file);
            for (Stage stage : policy.stages()) {
                if (stage.traffic() == 0) {
                    continue;
                }
                assertThat(stage.criteria()).as(policy.name() + " stage " + stage.name())
                        .anySatisfy(criterion -> {
                            assertThat(criterion).isInstanceOfSatisfying(VersionCriterion.class,
                                    version -> assertThat(version.preReleaseAllowed()).isFalse());
                            assertThat(criterion.blocking()).isTrue();
                            assertThat(criterion.common().appliesTo()).isEmpty();
                        });
            }
        }
    }
}
