package dev.greenlight.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's catalogue: the policies packaged with it plus the configured directories (the
 * selection rules themselves are tested with the shared catalogue in policy-engine).
 */
class PolicyCatalogTest {

    private final PolicyCatalog catalog = new PolicyConfiguration().policyCatalog(
            List.of(Path.of("src/test/resources/test-policies"), Path.of("no-such-directory")));

    @Test
    void loadsThePackagedPoliciesAndConfiguredDirectoriesSkippingMissingOnes() {
        assertThat(catalog.all()).extracting(p -> p.policy().name()).containsExactly("gate5-release-validation",
                "ops-release", "rl-policy-go-nogo", "test-gate", "trading-strategy");
        Policy rl = catalog.byName("rl-policy-go-nogo").orElseThrow();
        assertThat(catalog.byHash(rl.contentHash()).orElseThrow().source()).isEqualTo(
                "classpath:policies/rl-policy-go-nogo.yaml");
    }

    @Test
    void aConfiguredDirectoryGovernsAlongsideThePackagedPolicies() {
        assertThat(catalog.governing("svc-web", ReleaseType.CONFIG, null)).map(Policy::name).contains("test-gate");
        assertThat(catalog.governing("rl-policy", ReleaseType.MODEL, null)).map(Policy::name)
                .contains("rl-policy-go-nogo");
    }
}
