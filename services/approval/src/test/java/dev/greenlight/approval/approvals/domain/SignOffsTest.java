package dev.greenlight.approval.approvals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignOffsTest {

    private final SignOffs signOffs = new SignOffs();

    @Test
    void theSameVerdictSeenTwiceIsRememberedOnce() {
        // given the service's write-through and the topic's redelivery of the same event
        signOffs.record(approval("ap-1", "bob", Verdict.APPROVE));
        signOffs.record(approval("ap-1", "bob", Verdict.APPROVE));
        // when
        var standing = signOffs.standing("ict-qm", "2.1.0", "auditor", "bob");
        // then
        assertThat(standing).map(SignOff::approvalId).contains("ap-1");
    }

    @Test
    void theLatestVerdictOfAnApproverInARoleIsTheOneThatStands() {
        // given bob approved, then changed his mind
        signOffs.record(approval("ap-1", "bob", Verdict.APPROVE));
        signOffs.record(approval("ap-2", "bob", Verdict.REJECT));
        // then
        assertThat(signOffs.standing("ict-qm", "2.1.0", "auditor", "bob")).map(SignOff::verdict)
                .contains(Verdict.REJECT);
        // and another person's or another role's verdicts are separate
        assertThat(signOffs.standing("ict-qm", "2.1.0", "auditor", "carol")).isEmpty();
        assertThat(signOffs.standing("ict-qm", "2.1.0", "risk", "bob")).isEmpty();
    }

    @Test
    void aRevokedVerdictNoLongerStands() {
        // given
        signOffs.record(approval("ap-1", "bob", Verdict.APPROVE));
        // when
        signOffs.revoke("ap-1");
        signOffs.revoke("unknown");
        // then
        assertThat(signOffs.standing("ict-qm", "2.1.0", "auditor", "bob")).isEmpty();
        assertThat(signOffs.byId("ap-1")).get().extracting(SignOff::revoked).isEqualTo(true);
        assertThat(signOffs.byId("unknown")).isEmpty();
    }

    private static SignOff approval(String id, String approver, Verdict verdict) {
        return new SignOff(id, "ev-" + id, "ict-qm", "2.1.0", "auditor", approver, verdict, false);
    }
}
