package dev.greenlight.approval.waiver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.identity.Person;
import dev.greenlight.platform.failures.InvalidFieldException;
import dev.greenlight.platform.security.Actor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaiverRulesTest {

    private final WaiverRules rules = new WaiverRules(Set.of("founder", "release-captain", "risk", "management"));

    @Test
    void aFounderMayWaiveSomeoneElsesReleaseInTheirOnlyWaivingRole() {
        // given
        Actor dave = new Actor("dave", Set.of("founder"), List.of());
        WaiverRequest request = request(Optional.empty());
        // when
        Optional<String> role = rules.roleFor(dave, request);
        Permission permission = rules.mayWaive(dave, role, request, Person.named("alice"));
        // then
        assertThat(role).contains("founder");
        assertThat(permission.granted()).isTrue();
    }

    @Test
    void someoneWithoutAWaivingRoleIsRefused() {
        Actor alice = new Actor("alice", Set.of("engineer"), List.of());
        WaiverRequest request = request(Optional.empty());

        Permission permission = rules.mayWaive(alice, rules.roleFor(alice, request), request, Person.named("bob"));

        assertThat(permission.granted()).isFalse();
        assertThat(permission.reason()).contains("none of the roles that may waive");
    }

    @Test
    void aRoleThatMayNotWaiveIsRefusedEvenWhenHeld() {
        Actor bob = new Actor("bob", Set.of("auditor"), List.of());
        WaiverRequest request = request(Optional.of("auditor"));

        Permission permission = rules.mayWaive(bob, rules.roleFor(bob, request), request, Person.named("alice"));

        assertThat(permission.reason()).contains("role auditor may not waive paper-trading");
    }

    @Test
    void aRoleNotHeldIsRefused() {
        Actor carol = new Actor("carol", Set.of("risk"), List.of());
        WaiverRequest request = request(Optional.of("founder"));

        assertThat(rules.mayWaive(carol, rules.roleFor(carol, request), request, Person.named("alice")).reason())
                .contains("does not hold role 'founder'");
    }

    @Test
    void theAuthorMayNotWaiveForTheirOwnRelease() {
        Actor dave = new Actor("dave", Set.of("founder"), List.of());
        WaiverRequest request = request(Optional.empty());

        assertThat(rules.mayWaive(dave, rules.roleFor(dave, request), request, Person.named("dave")).reason())
                .contains("author may not waive for own release");
    }

    @Test
    void holdingSeveralWaivingRolesRequiresNamingOne() {
        Actor both = new Actor("zoe", Set.of("founder", "risk"), List.of());

        assertThatThrownBy(() -> rules.roleFor(both, request(Optional.empty())))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("role");
        assertThat(rules.roleFor(both, request(Optional.of("risk")))).contains("risk");
    }

    @Test
    void aWaiverWithoutRationaleCannotExist() {
        assertThatThrownBy(() -> new WaiverRequest("ict-qm", "2.1.0", "paper-trading", " ", Optional.empty(),
                Optional.empty()))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("rationale");
    }

    private static WaiverRequest request(Optional<String> role) {
        return new WaiverRequest("ict-qm", "2.1.0", "paper-trading", "hotfix for a live incident", role,
                Optional.empty());
    }
}
