package dev.greenlight.policy.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.AlertTrigger;
import dev.greenlight.policy.model.ApprovalCriterion;
import dev.greenlight.policy.model.CheckCriterion;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.MetricCriterion;
import dev.greenlight.policy.model.MetricTrigger;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.WindowCriterion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static final String VALID = """
            name: demo
            version: "2"
            governs:
              targets: ["rl-*"]
              releaseTypes: [MODEL]
            defaults:
              warnNeedsHuman: true
            stages:
              - name: shadow
                traffic: 0
                criteria:
                  - name: validation-48h
                    kind: check
                    consecutive: 2
                    minRunWindow: 48h
                    maxAge: 24h
                  - name: q-spread
                    kind: metric
                    metric: q_spread
                    comparator: "<="
                    threshold: 2
                    baseline: q_spread_baseline
              - name: live-10
                traffic: 10
                soak: 2h
                criteria:
                  - name: expedited
                    kind: approval
                    require: [founder]
                    anyOf: [risk, code-review]
                    count: 2
                  - name: holidays
                    kind: window
                    zone: Europe/Berlin
                    blackouts:
                      - yearly: {from: "12-20", to: "01-05"}
                    override: {releaseTypes: [HOTFIX]}
                guards:
                  - name: page
                    when: {alert: PAGE}
                    action: KILL
                  - name: entropy
                    when: {metric: policy_entropy, comparator: "<", threshold: 0.8}
                    action: KILL
                    within: 5m
            """;

    private final PolicyParser parser = new PolicyParser();

    private static PolicyParseException error(String yaml) {
        try {
            new PolicyParser().parse("trading.yaml", yaml);
        } catch (PolicyParseException e) {
            return e;
        }
        throw new AssertionError("expected a parse error");
    }

    @Test
    void givenValidPolicy_thenModelHasEveryPart() {
        Policy policy = parser.parse("demo.yaml", VALID);

        assertThat(policy.name()).isEqualTo("demo");
        assertThat(policy.version()).isEqualTo("2");
        assertThat(policy.governs().matches("rl-policy", ReleaseType.MODEL)).isTrue();
        assertThat(policy.governs().matches("ict-qm", ReleaseType.MODEL)).isFalse();
        assertThat(policy.defaults().warnNeedsHuman()).isTrue();
        assertThat(policy.stages()).extracting(s -> s.name()).containsExactly("shadow", "live-10");
        var validation = (CheckCriterion) policy.stages().get(0).criteria().get(0);
        assertThat(validation.check()).as("check defaults to the criterion name").isEqualTo("validation-48h");
        assertThat(validation.minRunWindow()).isEqualTo(Duration.ofHours(48));
        var spread = (MetricCriterion) policy.stages().get(0).criteria().get(1);
        assertThat(spread.baseline().metric()).isEqualTo("q_spread_baseline");
        var live = policy.stage("live-10").orElseThrow();
        assertThat(live.soak()).isEqualTo(Duration.ofHours(2));
        assertThat(((ApprovalCriterion) live.criteria().get(0)).count()).isEqualTo(2);
        assertThat(((WindowCriterion) live.criteria().get(1)).overrideTypes()).containsExactly(ReleaseType.HOTFIX);
        assertThat(live.guards().get(0).trigger()).isInstanceOf(AlertTrigger.class);
        assertThat(live.guards().get(1).trigger()).isInstanceOf(MetricTrigger.class);
        assertThat(live.guards().get(1).action()).isEqualTo(GuardAction.KILL);
        assertThat(live.guards().get(1).within()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void contentHashIsSha256OfCanonicalBytes_independentOfLineEndings() {
        Policy unix = parser.parse("a.yaml", VALID);
        Policy windows = parser.parse("a.yaml", "\uFEFF" + VALID.replace("\n", "\r\n"));
        Policy edited = parser.parse("a.yaml", VALID.replace("traffic: 10", "traffic: 11"));

        assertThat(unix.contentHash()).hasSize(64).isEqualTo(windows.contentHash());
        assertThat(edited.contentHash()).isNotEqualTo(unix.contentHash());
    }

    @Test
    void givenUnknownCriterionKind_thenErrorNamesFileLineStageAndKind() {
        PolicyParseException e = error(VALID.replace("kind: window", "kind: chek"));

        assertThat(e.getMessage()).startsWith("trading.yaml:33: stage 'live-10': criterion 'holidays': "
                + "unknown criterion kind 'chek'");
        assertThat(e.line()).isEqualTo(33);
    }

    @Test
    void givenUnknownKey_thenErrorNamesIt() {
        PolicyParseException e = error(VALID.replace("maxAge: 24h", "maxAgee: 24h"));

        assertThat(e.getMessage()).isEqualTo(
                "trading.yaml:16: stage 'shadow': criterion 'validation-48h': unknown key 'maxAgee'");
    }

    @Test
    void givenBadDuration_thenErrorShowsTheValue() {
        PolicyParseException e = error(VALID.replace("soak: 2h", "soak: two hours"));

        assertThat(e.getMessage()).isEqualTo(
                "trading.yaml:25: stage 'live-10': 'soak' must be a duration like 30m, 24h or 3d, not 'two hours'");
    }

    @Test
    void givenBadComparatorOrTrafficOrAction_thenErrors() {
        assertThat(error(VALID.replace("comparator: \"<=\"", "comparator: \"=<\"")).getMessage())
                .contains("unknown comparator '=<'");
        assertThat(error(VALID.replace("traffic: 10", "traffic: 110")).getMessage())
                .contains("traffic must be a percentage 0-100");
        assertThat(error(VALID.replace("action: KILL\n        within", "action: NUKE\n        within")).getMessage())
                .contains("unknown action 'NUKE'");
    }

    @Test
    void givenMissingRequiredKey_thenError() {
        assertThat(error(VALID.replace("name: demo\n", "")).getMessage())
                .isEqualTo("trading.yaml:1: missing required key 'name'");
    }

    @Test
    void givenDuplicateKeyOrStage_thenError() {
        assertThat(error(VALID.replace("version: \"2\"", "version: \"2\"\nversion: \"3\"")).getMessage())
                .isEqualTo("trading.yaml:3: duplicate key 'version'");
        assertThat(error(VALID.replace("name: live-10", "name: shadow")).getMessage())
                .contains("duplicate stage name 'shadow'");
    }

    @Test
    void givenAnyOfWithoutCount_thenError() {
        assertThat(error(VALID.replace("    count: 2\n", "\n")).getMessage())
                .contains("'anyOf' needs 'count'");
    }

    @Test
    void givenBrokenYaml_thenErrorWithLine() {
        PolicyParseException e = error("name: demo\nstages: [\n");

        assertThat(e.getMessage()).startsWith("trading.yaml:").contains("invalid YAML");
    }

    @Test
    void givenAnchoredGuardList_thenAliasReusesIt() {
        String yaml = """
                name: shared
                version: "1"
                stages:
                  - name: a
                    guards: &guards
                      - {name: page, when: {alert: PAGE}, action: ROLLBACK}
                  - name: b
                    guards: *guards
                """;

        Policy policy = parser.parse("shared.yaml", yaml);

        assertThat(policy.stage("b").orElseThrow().guards()).isEqualTo(policy.stage("a").orElseThrow().guards());
    }

    @Test
    void givenRegistrationSection_thenRestrictedTypesNeedOneOfTheirRoles() {
        Policy policy = parser.parse("trading.yaml", VALID.replace("defaults:\n", """
                registration:
                  HOTFIX: {roles: [founder, release-captain]}
                defaults:
                """));

        assertThat(policy.registration().requiredRoles(ReleaseType.HOTFIX)).contains(
                java.util.Set.of("founder", "release-captain"));
        assertThat(policy.registration().permits(ReleaseType.HOTFIX, java.util.Set.of("publisher"))).isFalse();
        assertThat(policy.registration().permits(ReleaseType.HOTFIX, java.util.Set.of("publisher", "founder")))
                .isTrue();
        assertThat(policy.registration().permits(ReleaseType.MODEL, java.util.Set.of("publisher"))).isTrue();
        assertThat(parser.parse("trading.yaml", VALID).registration().requiredRoles(ReleaseType.HOTFIX)).isEmpty();
    }

    @Test
    void givenBadRegistrationSection_thenErrorsNameTheProblem() {
        assertThat(error(VALID.replace("defaults:\n", "registration:\n  HOTFIXX: {roles: [founder]}\ndefaults:\n"))
                .getMessage()).contains("unknown release type 'HOTFIXX'");
        assertThat(error(VALID.replace("defaults:\n", "registration:\n  HOTFIX: {roles: []}\ndefaults:\n"))
                .getMessage()).contains("registration: HOTFIX: 'roles' must name at least one role");
        assertThat(error(VALID.replace("defaults:\n", "registration:\n  HOTFIX: {role: [founder]}\ndefaults:\n"))
                .getMessage()).contains("unknown key 'role'");
    }
}
