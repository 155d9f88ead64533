package dev.greenlight.ledger.replay.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.GateDecided;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyWhatIfTest {

    private final PolicyWhatIf whatIf = new PolicyWhatIf(new PolicyEngine());

    /** The honest history: a release, its security scan, the policy, and the GO it got at shadow. */
    private static List<RecordedEvent> history() {
        List<RecordedEvent> ledger = new ArrayList<>();
        ledger.add(new RecordedEvent("0/0", ReplayFixture.policyActivated()));
        ReplayFixture.evidence().forEach(e -> ledger.add(new RecordedEvent("0/" + ledger.size(), e)));
        ledger.add(new RecordedEvent("0/" + ledger.size(), ReplayFixture.honestDecision()));
        return ledger;
    }

    private static Policy candidate(String text) {
        return new PolicyParser().parse("candidate.yaml", text);
    }

    @Test
    void theBaselineItselfFlipsNothing() {
        GateDecided recorded = ReplayFixture.honestDecision();
        assertThat(recorded.getOutcome().name()).isEqualTo("GO");

        WhatIfReport report = whatIf.evaluate(history(), ReplayFixture.policy(), null);

        assertThat(report.results()).hasSize(1);
        assertThat(report.flipped()).isZero();
        assertThat(report.blocked()).isFalse();
    }

    @Test
    void aCandidateDemandingOnCallCoverageInShadowBlocksTheRecordedGo() {
        // No on-call ACK was ever recorded, and missing coverage is NO-GO under this policy.
        String stricter = ReplayFixture.POLICY_TEXT.replace("        maxAge: 7d\n\n  - name: live-10",
                "        maxAge: 7d\n"
                + "      - name: shadow-on-call\n"
                + "        kind: onCall\n"
                + "        coverFor: 2h\n\n"
                + "  - name: live-10");
        assertThat(stricter).contains("shadow-on-call");

        WhatIfReport report = whatIf.evaluate(history(), candidate(stricter), null);

        WhatIfResult result = report.results().get(0);
        assertThat(result.baseline()).isEqualTo("GO");
        assertThat(result.candidate()).isEqualTo("NO_GO");
        assertThat(report.blocked()).isTrue();
        assertThat(result.reasons()).singleElement().asString().startsWith("shadow-on-call: FAIL");
    }

    @Test
    void aCandidateThatOnlyTightensFreshnessHoldsButDoesNotBlock() {
        String fresher = ReplayFixture.POLICY_TEXT.replace("        maxAge: 7d\n", "        maxAge: 1m\n");

        WhatIfReport report = whatIf.evaluate(history(), candidate(fresher), null);

        WhatIfResult result = report.results().get(0);
        assertThat(result.flipped()).isTrue();
        assertThat(result.candidate()).isNotEqualTo("GO");
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("security-scan:"));
    }

    @Test
    void onlyDecisionsMadeUnderTheCandidatesNameAreTried() {
        String renamed = ReplayFixture.POLICY_TEXT.replace("name: rl-policy-go-nogo", "name: some-other-policy");

        assertThat(whatIf.evaluate(history(), candidate(renamed), null).results()).isEmpty();
    }

    @Test
    void aCandidateWithoutTheRecordedStageSaysSo() {
        String noShadow = ReplayFixture.POLICY_TEXT.replace("  - name: shadow\n", "  - name: dark\n");

        WhatIfResult result = whatIf.evaluate(history(), candidate(noShadow), null).results().get(0);

        assertThat(result.candidate()).isEqualTo("UNKNOWN");
        assertThat(result.reasons()).singleElement().asString().contains("no stage 'shadow'");
    }
}
