package dev.greenlight.gate.policy;

import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's catalogue: the policies packaged with it plus the configured directories (the
 * selection rules themselves are tested with the shared catalogue in policy-engine).
 */
class PolicyCatalogTest {

    private static final List<String> SHIPPED = List.of("gate5-release-validation", "ops-release",
            "rl-policy-go-nogo", "trading-strategy");

    private final PolicyCatalog catalog = new PolicyConfiguration().policyCatalog(
            List.of("src/test/resources/test-policies", "no-such-directory"));

    @Test
    void loadsThePackagedPoliciesAndConfiguredDirectoriesSkippingMissingOnes() {
        assertThat(catalog.all()).extracting(p -> p.policy().name()).containsExactly("gate5-release-validation",
                "ops-release", "rl-policy-go-nogo", "test-checkpoint-gate", "test-gate", "test-metric-gate", "trading-strategy");
        Policy rl = catalog.byName("rl-policy-go-nogo").orElseThrow();
        assertThat(catalog.byHash(rl.contentHash()).orElseThrow().source()).isEqualTo(
                "classpath:policies/rl-policy-go-nogo.yaml");
    }

    @Test
    void withoutAnyDirectoryOrWithAMissingOneTheGateGatesWithThePackagedPolicies() {
        // As an exec jar started in an empty directory: no setting, an empty one, a relative path that is not there.
        for (List<String> dirs : List.of(List.<String>of(), List.of(""), List.of("policies"), List.of("no/such/dir"))) {
            assertThat(new PolicyConfiguration().policyCatalog(dirs).all()).as("dirs %s", dirs)
                    .extracting(p -> p.policy().name()).containsExactlyElementsOf(SHIPPED);
        }
    }

    @Test
    void aConfiguredDirectoryGovernsAlongsideThePackagedPolicies() {
        assertThat(catalog.governing("svc-web", ReleaseType.CONFIG, null)).map(Policy::name).contains("test-gate");
        assertThat(catalog.governing("rl-policy", ReleaseType.MODEL, null)).map(Policy::name)
                .contains("rl-policy-go-nogo");
    }

    @Test
    void aRecordedReleaseNamingAPolicyThatDoesNotGovernItIsGatedByItsGoverningPolicy() {
        // Defence in depth: a registration that bypassed check-ingest cannot pick the ops policy for a strategy.
        ReleaseRegistered forged = release("r1", "ict-qm", "2.1.0", dev.greenlight.events.ReleaseType.STRATEGY,
                Instant.EPOCH);
        forged.setPolicy("ops-release");

        assertThat(ReleasePolicies.governing(catalog, forged)).map(Policy::name).contains("trading-strategy");
    }
}
