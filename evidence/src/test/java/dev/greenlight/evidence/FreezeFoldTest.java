package dev.greenlight.evidence;

import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.Freeze;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runtime freeze events become {@link Freeze} evidence of every release their pattern covers; a lift removes them. */
class FreezeFoldTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final ReleaseRegistered RELEASE = release("r1", "rl-policy", "1.2.0", ReleaseType.MODEL, T);

    private static FreezeDeclared declared(String id, String freezeId, String pattern) {
        return FreezeDeclared.newBuilder().setMeta(new EventMetadata(id, T, "erin")).setTarget(pattern)
                .setFreezeId(freezeId).setName("quarter-close").setReason("quarter close").setDeclaredBy("erin")
                .setFrom(T).setTo(T.plus(Duration.ofHours(2))).setOverrideRoles(List.of("management"))
                .setOverrideReleaseTypes(List.of("HOTFIX", "FROM-A-NEWER-BUILD")).build();
    }

    @Test
    void aFreezeOnAPatternCoveringTheTargetIsEvidence_withItsWindowAndOverrides() {
        Evidence evidence = EvidenceFold.fold(RELEASE, List.of(declared("f1", "fz-1", "rl-*"),
                declared("f2", "fz-2", "rl-policy-*"), declared("f3", "fz-3", "other")));

        assertThat(evidence.freezes()).singleElement().isEqualTo(new Freeze("f1", "quarter-close", "rl-*", T,
                T.plus(Duration.ofHours(2)), "quarter close", "erin", T, Set.of("management"),
                Set.of(dev.greenlight.policy.model.ReleaseType.HOTFIX)));
        assertThat(evidence.evidenceIds()).contains("f1").doesNotContain("f2", "f3");
    }

    @Test
    void aLiftedFreezeIsNoLongerEvidence() {
        FreezeDeclared freeze = declared("f1", "fz-1", "*");
        FreezeLifted lift = FreezeLifted.newBuilder().setMeta(new EventMetadata("f2", T, "dave")).setTarget("*")
                .setFreezeId("fz-1").setName("quarter-close").setLiftedBy("dave").build();

        assertThat(EvidenceFold.fold(RELEASE, List.of(lift, freeze)).freezes()).isEmpty();
    }
}
