package dev.greenlight.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.parser.PolicyParseException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a policies directory and choosing the policy that governs a release, as both services do. */
class PolicyCatalogTest {

    static final Path SHIPPED = Path.of("").toAbsolutePath().getParent().resolve("policies");

    private static final String SVC_GATE = """
            name: svc-gate
            version: "1"
            governs:
              targets: ["svc-*"]
            stages:
              - name: canary
                criteria:
                  - {name: no-page, kind: alerts, severity: PAGE, window: 12h}
            """;

    private final PolicyCatalog shipped = PolicyCatalog.load(SHIPPED);

    @TempDir
    Path dir;

    @Test
    void loadsEveryPolicyOfADirectoryIndexedByNameAndContentHash() {
        assertThat(shipped.all()).extracting(p -> p.policy().name()).containsExactly("gate5-release-validation",
                "ops-release", "rl-policy-go-nogo", "trading-strategy");
        Policy rl = shipped.byName("rl-policy-go-nogo").orElseThrow();
        LoadedPolicy byHash = shipped.byHash(rl.contentHash()).orElseThrow();
        assertThat(byHash.text()).contains("name: rl-policy-go-nogo");
        assertThat(byHash.source()).endsWith("rl-policy-go-nogo.yaml");
    }

    @Test
    void theMostSpecificGoverningPolicyWinsOverTheCatchAll() {
        assertThat(governing("rl-policy", ReleaseType.MODEL)).isEqualTo("rl-policy-go-nogo");
        assertThat(governing("trade-nexus-web", ReleaseType.BUGFIX)).isEqualTo("gate5-release-validation");
        assertThat(governing("ict-qm", ReleaseType.STRATEGY)).isEqualTo("trading-strategy");
    }

    @Test
    void anEqualMatchIsSettledByNameNotByLoadOrder() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), SVC_GATE.replace("svc-gate", "svc-b"));
        Files.writeString(dir.resolve("b.yaml"), SVC_GATE.replace("svc-gate", "svc-a"));

        assertThat(PolicyCatalog.load(dir).governing("svc-x", ReleaseType.CONFIG, null))
                .map(Policy::name).contains("svc-a");
    }

    @Test
    void aNamedPolicyChoosesOnlyAmongTheGoverningOnes() {
        // trading-strategy governs every target's MODEL releases too, so it may be chosen by name.
        assertThat(shipped.governing("rl-policy", ReleaseType.MODEL, "trading-strategy")).map(Policy::name)
                .contains("trading-strategy");
        assertThat(shipped.governs("trading-strategy", "rl-policy", ReleaseType.MODEL)).isTrue();
        // ops-release does not govern rl-policy: naming it cannot bring it in.
        assertThat(shipped.governs("ops-release", "rl-policy", ReleaseType.MODEL)).isFalse();
        assertThat(shipped.governing("rl-policy", ReleaseType.MODEL, "ops-release")).map(Policy::name)
                .contains("rl-policy-go-nogo");
        assertThat(shipped.governing("ict-qm", ReleaseType.STRATEGY, "ops-release")).map(Policy::name)
                .contains("trading-strategy");
        assertThat(shipped.governing("rl-policy", ReleaseType.MODEL, "no-such-policy")).map(Policy::name)
                .contains("rl-policy-go-nogo");
        assertThat(shipped.defaultFor("rl-policy", ReleaseType.MODEL)).map(Policy::name)
                .contains("rl-policy-go-nogo");
    }

    @Test
    void aReleaseNoPolicyGovernsIsNotGated() throws Exception {
        Files.writeString(dir.resolve("svc.yml"), SVC_GATE);

        assertThat(PolicyCatalog.load(dir).governing("db-main", ReleaseType.CONFIG, null)).isEmpty();
        assertThat(PolicyCatalog.load(dir).governing("svc-web", ReleaseType.CONFIG, null)).isPresent();
    }

    @Test
    void aLaterLayerReplacesAPolicyOfTheSameName() throws Exception {
        Files.writeString(dir.resolve("rl.yaml"), SVC_GATE.replace("svc-gate", "rl-policy-go-nogo"));
        PolicyLoader loader = new PolicyLoader();

        PolicyCatalog catalog = PolicyCatalog.layered(loader.fromDirectory(SHIPPED), loader.fromDirectory(dir));

        assertThat(catalog.all()).hasSize(4);
        assertThat(catalog.byName("rl-policy-go-nogo").orElseThrow().stages()).extracting(s -> s.name())
                .containsExactly("canary");
    }

    @Test
    void theRetentionHorizonCoversTheLongestWindowOfAnyPolicy() throws Exception {
        Files.writeString(dir.resolve("svc.yaml"), SVC_GATE);

        assertThat(PolicyCatalog.load(dir).longestWindow()).isEqualTo(Duration.ofHours(12));
        // rl-policy-go-nogo: no failure within 72h is among its look-backs.
        assertThat(shipped.longestWindow()).isGreaterThanOrEqualTo(Duration.ofHours(72));
        assertThat(new PolicyCatalog(List.of()).longestWindow()).isEqualTo(Duration.ZERO);
    }

    @Test
    void theRetentionHorizonCoversACheckpointsLookBackToItsStageStart() throws Exception {
        Files.writeString(dir.resolve("ckpt.yaml"), """
                name: ckpt
                version: "1"
                stages:
                  - name: live
                    soak: 7d
                    checkpoints:
                      - name: week
                        at: 7d
                        criteria:
                          - {name: e, kind: metric, metric: m, comparator: ">=", threshold: 1, baseline: stageStart}
                        onFail: KILL
                """);

        assertThat(PolicyCatalog.load(dir).longestWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aBrokenDocumentOrAMissingDirectoryStopsLoading() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "name: broken\nstages: 7\n");
        Files.writeString(dir.resolve("notes.txt"), "not a policy");

        assertThatThrownBy(() -> PolicyCatalog.load(dir)).isInstanceOf(PolicyParseException.class)
                .hasMessageContaining("broken.yaml");
        assertThatThrownBy(() -> PolicyCatalog.load(dir.resolve("missing"))).isInstanceOf(UncheckedIOException.class);
    }

    private String governing(String target, ReleaseType type) {
        return shipped.governing(target, type, null).map(Policy::name).orElse(null);
    }
}
