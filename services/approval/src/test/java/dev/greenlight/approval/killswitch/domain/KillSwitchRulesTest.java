package dev.greenlight.approval.killswitch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.security.Actor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KillSwitchRulesTest {

    private final KillSwitchRules rules = new KillSwitchRules(Set.of("on-call", "engineer", "operations", "founder"),
            "founder");
    private final Actor erin = new Actor("erin", Set.of("on-call", "engineer", "operations"), List.of());
    private final Actor dave = new Actor("dave", Set.of("founder"), List.of());
    private final Actor frank = new Actor("frank", Set.of("management"), List.of());

    @Test
    void anyoneOnCallOrInEngineeringMayActivate() {
        assertThat(rules.mayFlip(erin, KillSwitchAction.ACTIVATE).granted()).isTrue();
        assertThat(rules.mayFlip(dave, KillSwitchAction.ACTIVATE).granted()).isTrue();
    }

    @Test
    void someoneOutsideThoseRolesMayNotActivate() {
        assertThat(rules.mayFlip(frank, KillSwitchAction.ACTIVATE).reason())
                .contains("frank").contains("may activate");
    }

    @Test
    void onlyTheAuthorityRoleMayDeactivate() {
        // given erin activated it; when she tries to deactivate
        var erins = rules.mayFlip(erin, KillSwitchAction.DEACTIVATE);
        // then she is refused, and the founder is not
        assertThat(erins.granted()).isFalse();
        assertThat(erins.reason()).contains("only role 'founder'");
        assertThat(rules.mayFlip(dave, KillSwitchAction.DEACTIVATE).granted()).isTrue();
    }
}
