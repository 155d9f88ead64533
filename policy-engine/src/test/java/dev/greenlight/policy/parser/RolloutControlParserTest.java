package dev.greenlight.policy.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.RolloutControl;
import org.junit.jupiter.api.Test;

/** The optional {@code rolloutControl} section: who may steer a rollout by hand, with safe defaults. */
class RolloutControlParserTest {

    private static final String STAGES = """
            stages:
              - name: live
                traffic: 100
            """;

    private final PolicyParser parser = new PolicyParser();

    @Test
    void givenNoSection_thenTheDefaultRolesApply() {
        Policy policy = parser.parse("p.yaml", "name: p\nversion: \"1\"\n" + STAGES);

        RolloutControl control = policy.rolloutControl();
        assertThat(control).isEqualTo(RolloutControl.defaults());
        assertThat(control.pause()).contains("on-call").doesNotContain("publisher");
        assertThat(control.resume()).containsExactlyInAnyOrder("release-captain", "founder", "on-call");
        assertThat(control.abort()).containsExactlyInAnyOrder("release-captain", "founder", "on-call");
        assertThat(control.promote()).containsExactlyInAnyOrder("release-captain", "founder");
        assertThat(control.promoteWithoutGo()).containsExactly("founder");
    }

    @Test
    void givenASection_thenListedCommandsTakeItsRolesAndOthersKeepTheDefaults() {
        Policy policy = parser.parse("p.yaml", "name: p\nversion: \"1\"\n" + STAGES + """
                rolloutControl:
                  promote: [release-captain, operations]
                  promoteWithoutGo: [cto]
                """);

        assertThat(policy.rolloutControl().promote()).containsExactlyInAnyOrder("release-captain", "operations");
        assertThat(policy.rolloutControl().promoteWithoutGo()).containsExactly("cto");
        assertThat(policy.rolloutControl().pause()).isEqualTo(RolloutControl.defaults().pause());
    }

    @Test
    void givenAnEmptyRoleListOrAnUnknownCommand_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> parser.parse("p.yaml", "name: p\nversion: \"1\"\n" + STAGES + """
                rolloutControl:
                  abort: []
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("abort")
                .hasMessageContaining("at least one role");
        assertThatThrownBy(() -> parser.parse("p.yaml", "name: p\nversion: \"1\"\n" + STAGES + """
                rolloutControl:
                  skip: [founder]
                """)).isInstanceOf(PolicyParseException.class).hasMessageContaining("skip");
    }
}
