package dev.greenlight.approval.approvals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.platform.security.Actor;
import dev.greenlight.identity.Person;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignOffRulesTest {

    private final SignOffRules rules = new SignOffRules();

    @Test
    void aReviewerHoldingTheRoleMayApproveSomeoneElsesRelease() {
        // given
        Actor bob = new Actor("bob", Set.of("auditor"), List.of());
        // when
        Permission permission = rules.maySignOff(bob, request("auditor", Verdict.APPROVE), Person.named("alice"));
        // then
        assertThat(permission.granted()).isTrue();
    }

    @Test
    void nobodyMayApproveInARoleTheyDoNotHold() {
        // given
        Actor carol = new Actor("carol", Set.of("risk"), List.of());
        // when
        Permission permission = rules.maySignOff(carol, request("founder", Verdict.APPROVE), Person.named("alice"));
        // then
        assertThat(permission.granted()).isFalse();
        assertThat(permission.reason()).contains("carol").contains("founder");
    }

    @Test
    void theAuthorMayNotApproveTheirOwnRelease() {
        // given alice authored the release and holds the role she approves as
        Actor alice = new Actor("alice", Set.of("engineer", "code-review"), List.of());
        // when
        Permission permission = rules.maySignOff(alice, request("code-review", Verdict.APPROVE),
                Person.named("alice"));
        // then
        assertThat(permission.granted()).isFalse();
        assertThat(permission.reason()).contains("author may not approve own release");
    }

    @Test
    void theAuthorMayNotApproveUnderAnyOfTheirNames() {
        Actor bob = new Actor("bob", Set.of("code-review"), List.of(), Set.of("bob@example.com"));
        for (Person author : List.of(Person.named("bob "), Person.named("Bob"), Person.named("b\u200Bob"),
                Person.named("\uFF42\uFF4F\uFF42"), Person.named("BOB@example.com"),
                Person.of("robert", Set.of("bob@example.com")))) {
            Permission permission = rules.maySignOff(bob, request("code-review", Verdict.APPROVE), author);

            assertThat(permission.granted()).as(author.toString()).isFalse();
            assertThat(permission.reason()).contains("four-eyes");
        }
        assertThat(rules.maySignOff(bob, request("code-review", Verdict.APPROVE), Person.named("bobby")).granted())
                .isTrue();
    }

    @Test
    void theAuthorMayRejectTheirOwnReleaseBecauseThatOnlyMakesTheGateStricter() {
        Actor alice = new Actor("alice", Set.of("code-review"), List.of());

        assertThat(rules.maySignOff(alice, request("code-review", Verdict.REJECT), Person.named("alice")).granted())
                .isTrue();
    }

    @Test
    void onlyTheApproverMayRevokeTheirVerdict() {
        // given
        SignOff bobs = new SignOff("ap-1", "ev-1", "ict-qm", "2.1.0", "auditor", "bob", Verdict.APPROVE, false);
        // when / then
        assertThat(rules.mayRevoke(new Actor("bob", Set.of("auditor"), List.of()), bobs).granted()).isTrue();
        Permission carol = rules.mayRevoke(new Actor("carol", Set.of("auditor"), List.of()), bobs);
        assertThat(carol.granted()).isFalse();
        assertThat(carol.reason()).contains("only its approver");
    }

    private static SignOffRequest request(String role, Verdict verdict) {
        return new SignOffRequest("ict-qm", "2.1.0", role, verdict, Optional.empty(), Optional.empty());
    }
}
