package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.Given.T;
import static dev.greenlight.policy.engine.Given.approve;
import static dev.greenlight.policy.engine.Given.check;
import static dev.greenlight.policy.engine.Given.common;
import static dev.greenlight.policy.engine.Given.evidence;
import static dev.greenlight.policy.engine.Given.hoursAgo;
import static dev.greenlight.policy.engine.Given.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.evidence.CheckStatus;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.OnCallAck;
import dev.greenlight.policy.evidence.Release;
import dev.greenlight.policy.model.DependencyCriterion;
import dev.greenlight.policy.model.OnCallCriterion;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.VersionCriterion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Dependency, version and on-call criteria: the kinds with the fewest rules. */
class OtherCriteriaTest {

    @Nested
    class Dependency {

        private final DependencyCriterion issue80 = new DependencyCriterion(common("readiness-dependency"), "#80");

        @Test
        void givenNoState_thenPending() {
            assertThat(result(evidence(), T, issue80).status()).isEqualTo(CriterionStatus.PENDING);
        }

        @Test
        void givenLatestStateClosed_thenPass_whateverTheRevision() {
            var closed = new CheckResult("d1", "dependency:#80", CheckStatus.PASS, "unrelated", hoursAgo(1), hoursAgo(1));

            assertThat(result(evidence().withChecks(List.of(closed)), T, issue80).status())
                    .isEqualTo(CriterionStatus.PASS);
        }

        @Test
        void givenReopened_thenPendingAgain() {
            var e = evidence().withChecks(List.of(check("d1", "dependency:#80", CheckStatus.PASS, hoursAgo(2)),
                    check("d2", "dependency:#80", CheckStatus.FAIL, hoursAgo(1))));

            assertThat(result(e, T, issue80).status()).isEqualTo(CriterionStatus.PENDING);
        }
    }

    @Nested
    class Version {

        private final VersionCriterion noPreRelease = new VersionCriterion(common("no-prerelease"), false, null);
        private final VersionCriterion majorNeedsManagement = new VersionCriterion(common("major"), true, "management");

        private Evidence release(String version, String previous) {
            return Evidence.of(new Release("rel", "ops", version, ReleaseType.BUGFIX, Given.REV, Given.AUTHOR))
                    .withPreviousVersion(previous);
        }

        @Test
        void givenPreRelease_thenFail_andFinalVersionPasses() {
            assertThat(result(release("2.0.0-beta.2", "1.9.0"), T, noPreRelease).status())
                    .isEqualTo(CriterionStatus.FAIL);
            assertThat(result(release("2.0.0+build.5", "1.9.0"), T, noPreRelease).status())
                    .isEqualTo(CriterionStatus.PASS);
        }

        @Test
        void givenNotASemanticVersion_thenFail() {
            assertThat(result(release("1.2", null), T, noPreRelease).status()).isEqualTo(CriterionStatus.FAIL);
        }

        @Test
        void givenMinorBump_thenPassWithoutApproval() {
            assertThat(result(release("1.3.0", "1.2.9"), T, majorNeedsManagement).status())
                    .isEqualTo(CriterionStatus.PASS);
        }

        @Test
        void givenMajorBump_thenPendingUntilManagementApproves() {
            var major = release("2.0.0", "1.9.3");

            CriterionResult pending = result(major, T, majorNeedsManagement);
            assertThat(pending.status()).isEqualTo(CriterionStatus.PENDING);
            assertThat(pending.reason()).contains("1.9.3 -> 2.0.0 needs an approval by management");

            var approved = major.withApprovals(List.of(approve("m1", "management", "mia", hoursAgo(1))));
            assertThat(result(approved, T, majorNeedsManagement).status()).isEqualTo(CriterionStatus.PASS);
        }

        @Test
        void givenNoPreviousVersion_thenTreatedAsMajor() {
            assertThat(result(release("1.0.0", null), T, majorNeedsManagement).status())
                    .isEqualTo(CriterionStatus.PENDING);
        }
    }

    @Nested
    class OnCall {

        private final OnCallCriterion twoHours = new OnCallCriterion(common("on-call-ack"), Duration.ofHours(2));

        @Test
        void givenNoAck_thenFail() {
            assertThat(result(evidence(), T, twoHours).status()).isEqualTo(CriterionStatus.FAIL);
        }

        @Test
        void givenAckCoveringTheDeploymentWindow_thenPassUntilTooLittleRemains() {
            var ack = new OnCallAck("o1", "olga", hoursAgo(1), T.plus(Duration.ofHours(8)));

            CriterionResult result = result(evidence().withOnCallAcks(List.of(ack)), T, twoHours);

            assertThat(result.status()).isEqualTo(CriterionStatus.PASS);
            assertThat(result.nextChangeAt()).isEqualTo(T.plus(Duration.ofHours(6)));
        }

        @Test
        void givenAckEndingBeforeTheWindowEnds_thenFail() {
            var ack = new OnCallAck("o1", "olga", hoursAgo(1), T.plus(Duration.ofHours(1)));

            assertThat(result(evidence().withOnCallAcks(List.of(ack)), T, twoHours).status())
                    .isEqualTo(CriterionStatus.FAIL);
        }

        @Test
        void givenAckStartingLater_thenFailUntilItStarts() {
            var ack = new OnCallAck("o1", "olga", T.plus(Duration.ofHours(3)), T.plus(Duration.ofHours(12)));

            CriterionResult result = result(evidence().withOnCallAcks(List.of(ack)), T, twoHours);

            assertThat(result.status()).isEqualTo(CriterionStatus.FAIL);
            assertThat(result.nextChangeAt()).isEqualTo(T.plus(Duration.ofHours(3)));
        }
    }
}
