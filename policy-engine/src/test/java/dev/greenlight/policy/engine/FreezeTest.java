package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.approve;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.policy;
import static dev.greenlight.policy.engine.Given.reject;
import static dev.greenlight.policy.engine.Given.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.Freeze;
import dev.greenlight.policy.model.ReleaseType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runtime freeze windows: both sides of {@code from} and {@code to}, and the blackout override rules. */
class FreezeTest {

    private static final Instant FROM = T;
    private static final Instant TO = T.plus(Duration.ofHours(6));
    private static final Duration MS = Duration.ofMillis(1);
    private static final Freeze FREEZE = new Freeze("fz-1", "quarter-close", "rl-*", FROM, TO, "quarter close",
            "erin", T.minus(Duration.ofDays(1)), Set.of("management"), Set.of(ReleaseType.HOTFIX));

    private static Decision at(Evidence evidence, Instant at) {
        return new PolicyEngine().evaluate(policy(), Given.STAGE, evidence, at);
    }

    private static Evidence frozen() {
        return evidence().withFreezes(List.of(FREEZE));
    }

    @Test
    void oneMillisecondBeforeFrom_notFrozen_andTheGateWakesUpExactlyAtFrom() {
        Decision decision = at(frozen(), FROM.minus(MS));

        assertThat(decision.outcome()).isEqualTo(Outcome.GO);
        assertThat(decision.nextChangeAt()).isEqualTo(FROM);
        assertThat(decision.criteria()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("freeze");
            assertThat(r.status()).isEqualTo(CriterionStatus.PASS);
        });
    }

    @Test
    void atFrom_frozen_namingTheFreezeWhoDeclaredItAndWhy_untilTo() {
        Decision decision = at(frozen(), FROM);

        assertThat(decision.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(decision.missing()).containsExactly("freeze:quarter-close");
        assertThat(decision.nextChangeAt()).isEqualTo(TO);
        assertThat(decision.evidenceIds()).contains("fz-1");
        assertThat(decision.criteria().get(0).reason())
                .contains("freeze 'quarter-close'", "rl-*", "declared by erin", "quarter close", "management");
        assertThat(decision.accountability().nextReviewAt()).isEqualTo(TO);
    }

    @Test
    void oneMillisecondBeforeTo_frozen() {
        Decision decision = at(frozen(), TO.minus(MS));

        assertThat(decision.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(decision.nextChangeAt()).isEqualTo(TO);
    }

    @Test
    void atTo_notFrozen_andNothingLeftToWaitFor() {
        Decision decision = at(frozen(), TO);

        assertThat(decision.outcome()).isEqualTo(Outcome.GO);
        assertThat(decision.nextChangeAt()).isNull();
        assertThat(decision.criteria().get(0).status()).isEqualTo(CriterionStatus.PASS);
    }

    @Test
    void anApprovalInAnOverrideRole_liftsIt_andIsCited() {
        Decision decision = at(frozen().withApprovals(List.of(approve("ap-m", "management", "mona", FROM))), FROM);

        assertThat(decision.outcome()).isEqualTo(Outcome.GO);
        assertThat(decision.criteria().get(0).reason()).contains("overridden by mona (management)");
        assertThat(decision.criteria().get(0).evidenceIds()).containsExactlyInAnyOrder("fz-1", "ap-m");
    }

    @Test
    void anApprovalInAnotherRole_orAStandingRejection_doesNotLiftIt() {
        Decision other = at(frozen().withApprovals(List.of(approve("ap-x", "tech-lead", "tara", FROM))), FROM);
        Decision rejected = at(frozen().withApprovals(List.of(approve("ap-m", "management", "mona", FROM),
                reject("rj-m", "management", "max", FROM))), FROM);

        assertThat(other.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(rejected.outcome()).isEqualTo(Outcome.HOLD);
    }

    @Test
    void aListedReleaseType_isNotFrozen_otherTypesAre() {
        Evidence hotfix = new Evidence(release(ReleaseType.HOTFIX), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), List.of(FREEZE));

        assertThat(at(hotfix, FROM).outcome()).isEqualTo(Outcome.GO);
        assertThat(at(hotfix, FROM).criteria().get(0).reason()).contains("does not apply to HOTFIX releases");
        assertThat(at(frozen().withRelease(release(ReleaseType.STRATEGY)), FROM).outcome()).isEqualTo(Outcome.HOLD);
    }

    @Test
    void deterministic_sameEvidenceSameInstant_sameDecision() {
        assertThat(at(frozen(), FROM)).isEqualTo(at(frozen(), FROM));
    }
}
