package dev.greenlight.gate.integration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollbackSignalsTest {

    private final RollbackSignals signals = new RollbackSignals();

    @Test
    void nothingSaysRollBackAtFirst() {
        assertThat(signals.rollbackReason("ict-qm", "2.1.0")).isEmpty();
    }

    @Test
    void aStandingKillSwitchSaysRollBackUntilItIsDeactivated() {
        signals.killSwitch("ict-qm", true, "page alert (erin)");
        assertThat(signals.rollbackReason("ict-qm", "2.1.0")).contains("kill switch on ict-qm: page alert (erin)");
        assertThat(signals.rollbackReason("ict-qn", "2.1.0")).isEmpty();

        signals.killSwitch("ict-qm", false, null);
        assertThat(signals.rollbackReason("ict-qm", "2.1.0")).isEmpty();
    }

    @Test
    void anOrgWideKillSwitchCoversTheTargetsOfItsPatternOnly() {
        signals.patternKillSwitch("payments-*", true, "INC-4711");

        assertThat(signals.rollbackReason("payments-eu", "1.0.0")).contains("org-wide kill switch payments-*: INC-4711");
        assertThat(signals.rollbackReason("ict-qm", "1.0.0")).isEmpty();
        signals.patternKillSwitch("payments-*", false, null);
        assertThat(signals.rollbackReason("payments-eu", "1.0.0")).isEmpty();
    }

    @Test
    void aRollbackOfOneVersionSaysRollBackForThatVersionOnly() {
        signals.rolledBack("ict-qm", "2.1.0", "guard live-errors ROLLBACK: 4 errors");

        assertThat(signals.rollbackReason("ict-qm", "2.1.0")).contains("rolled back: guard live-errors ROLLBACK: 4 errors");
        assertThat(signals.rollbackReason("ict-qm", "2.1.1")).isEmpty();
    }
}
