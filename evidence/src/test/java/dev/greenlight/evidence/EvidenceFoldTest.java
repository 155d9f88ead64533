package dev.greenlight.evidence;

import static dev.greenlight.evidence.EvidenceEvents.approval;
import static dev.greenlight.evidence.EvidenceEvents.fired;
import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.onCall;
import static dev.greenlight.evidence.EvidenceEvents.pass;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.evidence.EvidenceEvents.resolved;
import static dev.greenlight.evidence.EvidenceEvents.revoked;
import static dev.greenlight.evidence.EvidenceEvents.waiver;
import static dev.greenlight.evidence.EvidenceEvents.waiverRevoked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EvidenceFoldTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final ReleaseRegistered RELEASE = release("r1", "rl-policy", "1.2.0", ReleaseType.MODEL, T);

    @Test
    void mapsEveryEvidenceKindWithTheEventIdAsEvidenceId() {
        Evidence evidence = EvidenceFold.fold(RELEASE, List.of(
                pass("c1", "rl-policy", "1.2.0", "unit-tests", T, Duration.ofMinutes(5)),
                fired("a1", "rl-policy", "fp", AlertSeverity.PAGE, T),
                metric("m1", "rl-policy", null, "policy_entropy", 0.93, T),
                approval("p1", "rl-policy", "1.2.0", "ap-1", "founder", "erin", T, null),
                waiver("w1", "rl-policy", "1.2.0", "q-spread", "release-captain", T),
                onCall("o1", "rl-policy", T, T.plus(Duration.ofHours(4)))));

        assertThat(evidence.release().id()).isEqualTo("r1");
        assertThat(evidence.release().type()).isEqualTo(dev.greenlight.policy.model.ReleaseType.MODEL);
        assertThat(evidence.checks()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("c1");
            assertThat(c.runDuration()).isEqualTo(Duration.ofMinutes(5));
        });
        assertThat(evidence.alerts()).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.PAGE);
            assertThat(a.resolvedAt()).isNull();
        });
        assertThat(evidence.metrics()).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(0.93));
        assertThat(evidence.approvals()).singleElement().satisfies(a -> assertThat(a.role()).isEqualTo("founder"));
        assertThat(evidence.waivers()).singleElement().satisfies(w -> assertThat(w.criterion()).isEqualTo("q-spread"));
        assertThat(evidence.onCallAcks()).singleElement().satisfies(o -> assertThat(o.engineer()).isEqualTo("dave"));
        assertThat(evidence.evidenceIds()).containsExactly("a1", "c1", "m1", "o1", "p1", "r1", "w1");
    }

    @Test
    void theVersionTheRegistrationSaysItReplacesIsThePreviousVersionVersionRulesSee() {
        ReleaseRegistered replacing = release("r2", "rl-policy", "1.3.0", ReleaseType.MODEL, T);
        replacing.setPreviousVersion("1.2.0");

        assertThat(EvidenceFold.fold(replacing, List.of()).previousVersion()).isEqualTo("1.2.0");
        assertThat(EvidenceFold.fold(RELEASE, List.of()).previousVersion()).isNull();
    }

    @Test
    void versionedEvidenceOfAnotherVersionOrTargetIsNotEvidence() {
        Evidence evidence = EvidenceFold.fold(RELEASE, List.of(
                pass("c1", "rl-policy", "1.1.0", "unit-tests", T, Duration.ofMinutes(5)),
                approval("p1", "rl-policy", "1.1.0", "ap-1", "founder", "erin", T, null),
                metric("m1", "other", null, "policy_entropy", 0.93, T),
                metric("m2", "rl-policy", "1.1.0", "policy_entropy", 0.93, T),
                metric("m3", "rl-policy", null, "policy_entropy", 0.93, T),
                fired("a1", "rl-policy", "fp", AlertSeverity.PAGE, T)));

        assertThat(evidence.evidenceIds()).containsExactly("a1", "m3", "r1");
    }

    @Test
    void resolutionClosesTheAlertWhateverTheOrder() {
        SpecificRecord firing = fired("a1", "rl-policy", "fp", AlertSeverity.WARNING, T);
        SpecificRecord resolution = resolved("a2", "rl-policy", "fp", AlertSeverity.WARNING, T, T.plusSeconds(60));

        Evidence inOrder = EvidenceFold.fold(RELEASE, List.of(firing, resolution));
        Evidence reversed = EvidenceFold.fold(RELEASE, List.of(resolution, firing));

        assertThat(inOrder).isEqualTo(reversed);
        assertThat(inOrder.alerts()).singleElement().satisfies(a -> {
            assertThat(a.resolvedAt()).isEqualTo(T.plusSeconds(60));
            assertThat(a.id()).as("cited by the resolution it was amended by").isEqualTo("a2");
        });
    }

    @Test
    void aResolutionWithoutItsFiringStillRecordsThatTheAlertFired() {
        Evidence evidence = EvidenceFold.fold(RELEASE,
                List.of(resolved("a2", "rl-policy", "fp", AlertSeverity.PAGE, T, T.plusSeconds(60))));

        assertThat(evidence.alerts()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("a2");
            assertThat(a.firedAt()).isEqualTo(T);
            assertThat(a.activeAt(T.plusSeconds(30))).isTrue();
        });
    }

    @Test
    void revocationWithdrawsTheApprovalItReferencesEvenIfItArrivesFirst() {
        List<SpecificRecord> events = new ArrayList<>(List.of(
                revoked("x1", "rl-policy", "1.2.0", "ap-1", "founder", T.plusSeconds(5)),
                approval("p1", "rl-policy", "1.2.0", "ap-1", "founder", "erin", T, null),
                approval("p2", "rl-policy", "1.2.0", "ap-2", "risk", "frank", T, null)));

        Evidence evidence = EvidenceFold.fold(RELEASE, events);

        assertThat(evidence.approvals()).extracting(a -> a.id() + ":" + a.revoked())
                .containsExactly("p2:false", "x1:true");
    }

    @Test
    void waiverRevocationWithdrawsTheWaiverItReferences_citedByTheRevocation() {
        SpecificRecord grant = waiver("w1", "rl-policy", "1.2.0", "readiness-dependency", "release-captain", T);
        SpecificRecord other = waiver("w2", "rl-policy", "1.2.0", "cost-spike", "release-captain", T);
        SpecificRecord revocation = waiverRevoked("wx", "rl-policy", "1.2.0", "w1", "readiness-dependency",
                T.plusSeconds(5));

        Evidence evidence = EvidenceFold.fold(RELEASE, List.of(revocation, grant, other));

        assertThat(evidence.waivers()).extracting(w -> w.id() + ":" + w.criterion() + ":" + w.revoked())
                .containsExactly("w2:cost-spike:false", "wx:readiness-dependency:true");
        assertThat(EvidenceFold.cited(List.of(grant, other, revocation), List.of("wx")))
                .containsExactly(grant, revocation);
        assertThat(EvidenceFold.cited(List.of(grant, other, revocation), List.of("w1"))).containsExactly(grant);
    }

    @Test
    void duplicatesAndArrivalOrderChangeNothing() {
        List<SpecificRecord> events = List.of(
                pass("c1", "rl-policy", "1.2.0", "unit-tests", T, Duration.ofMinutes(5)),
                metric("m1", "rl-policy", null, "policy_entropy", 0.93, T),
                fired("a1", "rl-policy", "fp", AlertSeverity.PAGE, T));
        List<SpecificRecord> shuffled = new ArrayList<>(events);
        shuffled.addAll(events);
        Collections.reverse(shuffled);

        assertThat(EvidenceFold.fold(RELEASE, shuffled)).isEqualTo(EvidenceFold.fold(RELEASE, events));
    }

    @Test
    void citedEventsAreTheCitedOnesPlusTheApprovalACitedRevocationWithdraws() {
        SpecificRecord firing = fired("a1", "rl-policy", "fp", AlertSeverity.WARNING, T);
        SpecificRecord resolution = resolved("a2", "rl-policy", "fp", AlertSeverity.WARNING, T, T.plusSeconds(60));
        SpecificRecord grant = approval("p1", "rl-policy", "1.2.0", "ap-1", "founder", "erin", T, null);
        SpecificRecord revocation = revoked("x1", "rl-policy", "1.2.0", "ap-1", "founder", T.plusSeconds(5));
        SpecificRecord uncited = metric("m9", "rl-policy", null, "policy_entropy", 0.5, T);
        List<SpecificRecord> all = List.of(firing, resolution, grant, revocation, uncited);

        assertThat(EvidenceFold.cited(all, List.of("a1", "p1", "r1"))).containsExactly(firing, grant);
        assertThat(EvidenceFold.cited(all, List.of("a2", "x1", "r1"))).containsExactly(resolution, grant, revocation);
    }
}
