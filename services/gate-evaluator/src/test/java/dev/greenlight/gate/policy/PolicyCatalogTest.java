package dev.greenlight.gate.policy;

import static dev.greenlight.platform.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.policy.model.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which policy gates a release, from the shipped policies packaged with the service. */
class PolicyCatalogTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private final PolicyCatalog catalog = new PolicyLoader().load(List.of(Path.of("src/test/resources/test-policies")));

    @Test
    void loadsThePackagedPoliciesAndConfiguredDirectoriesIndexedByNameAndHash() {
        assertThat(catalog.all()).extracting(p -> p.policy().name()).containsExactly("gate5-release-validation",
                "ops-release", "rl-policy-go-nogo", "test-gate", "trading-strategy");
        Policy rl = catalog.byName("rl-policy-go-nogo").orElseThrow();
        assertThat(catalog.byHash(rl.contentHash()).orElseThrow().text()).contains("name: rl-policy-go-nogo");
    }

    @Test
    void theMostSpecificGoverningPolicyWinsOverTheCatchAll() {
        assertThat(governing(release("r", "rl-policy", "1.0.0", ReleaseType.MODEL, T))).isEqualTo("rl-policy-go-nogo");
        assertThat(governing(release("r", "trade-nexus-web", "1.0.0", ReleaseType.BUGFIX, T)))
                .isEqualTo("gate5-release-validation");
        assertThat(governing(release("r", "ict-qm", "1.0.0", ReleaseType.STRATEGY, T))).isEqualTo("trading-strategy");
    }

    @Test
    void anExplicitPolicyOverridesTheDefaultAndAnUnknownOneGatesNothing() {
        ReleaseRegistered named = release("r", "rl-policy", "1.0.0", ReleaseType.MODEL, T);
        named.setPolicy("test-gate");
        ReleaseRegistered unknown = release("r", "rl-policy", "1.0.0", ReleaseType.MODEL, T);
        unknown.setPolicy("no-such-policy");

        assertThat(governing(named)).isEqualTo("test-gate");
        assertThat(catalog.governing(unknown)).isEmpty();
    }

    @Test
    void theRetentionHorizonCoversTheLongestWindowOfAnyPolicy() {
        // rl-policy-go-nogo: no failure within 72h is its longest look-back.
        assertThat(catalog.longestWindow()).isGreaterThanOrEqualTo(Duration.ofHours(72));
    }

    private String governing(ReleaseRegistered release) {
        return catalog.governing(release).map(Policy::name).orElse(null);
    }
}
