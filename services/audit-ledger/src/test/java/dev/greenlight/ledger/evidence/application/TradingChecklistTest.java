package dev.greenlight.ledger.evidence.application;

import static dev.greenlight.ledger.evidence.application.EvidenceFixture.T0;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.approval;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.check;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.decision;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.metric;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.registered;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.rejection;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.revocation;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.ledger.evidence.domain.ChecklistItem;
import dev.greenlight.ledger.evidence.domain.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trading runbook's audit sign-off checklist, filled from recorded facts and never from guesses. */
class TradingChecklistTest {

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private static ChecklistItem item(List<ChecklistItem> items, String name) {
        return items.stream().filter(i -> i.item().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theAuditReportLineShowsTheVerdictAndOpenFixesTheCheckReported() {
        var audit = check("chk-audit", "audit-verification", CheckStatus.PASS, "https://ci/run/122", day(0));
        audit.setStructuredDetails(Map.of("verdict", "PASS-WITH-FIXES", "openFixes", 0.0));
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"), audit);

        assertThat(item(ledger.assemble().tradingChecklist(), "Audit report").value())
                .contains("https://ci/run/122").endsWith(" — openFixes=0, verdict=PASS-WITH-FIXES");
    }

    @Test
    void everyLineIsFilledFromTheFactThatProvesIt() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                check("chk-audit", "audit-verification", CheckStatus.PASS, "https://ci/run/122", day(0)),
                approval("appr-aud", "auditor", "bob", "AUD-2026-03-01-001 PASS", day(0)),
                check("chk-bias", "anti-bias-tests", CheckStatus.PASS, "https://ci/run/123", day(0)),
                metric("m-wf", "walk_forward_consistency_pct", 72.5, Map.of(), day(0)),
                step("step-paper", "paper", 0, day(1), day(5)),
                metric("m-trades-1", "paper_trades_total", 12, Map.of(), day(3)),
                metric("m-trades-2", "paper_trades_total", 25, Map.of(), day(14)),
                metric("m-div", "paper_backtest_divergence_pct", 14, Map.of("paper_sharpe", "1.2",
                        "backtest_sharpe", "1.4"), day(14)),
                step("step-live", "live-25", 25, day(15), day(18)),
                approval("appr-risk", "risk", "carol", null, day(15)),
                approval("appr-founder", "founder", "dave", "ship it", day(16)),
                decision("dec-1", "live-25", GateOutcome.GO, day(16), null, List.of(), List.of(), "appr-founder"));

        List<ChecklistItem> items = ledger.assemble().tradingChecklist();

        assertThat(item(items, "Audit report").value()).contains("PASS", "https://ci/run/122");
        assertThat(item(items, "Verdict").value()).isEqualTo("PASS (auditor bob: AUD-2026-03-01-001 PASS)");
        assertThat(item(items, "Audit date").value()).isEqualTo("2026-03-01");
        assertThat(item(items, "Within 30 days").value()).startsWith("Yes (16 days before the live-25 decision");
        assertThat(item(items, "Within 30 days").sources()).extracting(Source::entry)
                .containsExactly(ledger.entryOf("appr-aud"), ledger.entryOf("dec-1"));
        assertThat(item(items, "Anti-bias tests").value()).contains("PASS", "https://ci/run/123");
        assertThat(item(items, "Walk-forward consistency").value()).isEqualTo("72.5 %");
        assertThat(item(items, "Paper trading").value()).startsWith("25 trades, paper stage 14 days 0 h");
        assertThat(item(items, "Paper trading").sources()).extracting(Source::entry).containsExactly(
                ledger.entryOf("m-trades-2"), ledger.entryOf("step-paper"), ledger.entryOf("step-live"));
        assertThat(item(items, "Paper vs backtest").value())
                .isEqualTo("14 % divergence (backtest_sharpe=1.4, paper_sharpe=1.2)");
        assertThat(item(items, "Auditor").value()).isEqualTo("bob — 2026-03-01 — APPROVED (AUD-2026-03-01-001 PASS)");
        assertThat(item(items, "Risk").value()).isEqualTo("carol — 2026-03-16 — APPROVED");
        assertThat(item(items, "Founder").sources()).extracting(Source::entry)
                .containsExactly(ledger.entryOf("appr-founder"));
        assertThat(item(items, "Release decision").value()).startsWith("APPROVED for live-25");
        assertThat(items).filteredOn(i -> !i.item().equals("Code review")).allMatch(ChecklistItem::recorded);
    }

    @Test
    void aReleaseWithoutFactsSaysNotRecordedOnEveryLine() {
        List<ChecklistItem> items = new EvidenceFixture().record(registered("2.1.0")).assemble().tradingChecklist();

        assertThat(items).extracting(ChecklistItem::item).containsExactly("Audit report", "Verdict", "Audit date",
                "Within 30 days", "Anti-bias tests", "Walk-forward consistency", "Paper trading", "Paper vs backtest",
                "Auditor", "Risk", "Founder", "Code review", "Release decision");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.value()).isEqualTo(ChecklistItem.NOT_RECORDED);
            assertThat(i.recorded()).isFalse();
            assertThat(i.sources()).isEmpty();
        });
    }

    @Test
    void anAuditOlderThanThirtyDaysAtTheDecisionIsNotWithinThirtyDays() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                approval("appr-aud", "auditor", "bob", null, day(0)),
                decision("dec-1", "paper", GateOutcome.GO, day(31), null, List.of(), List.of()));

        assertThat(item(ledger.assemble().tradingChecklist(), "Within 30 days").value()).startsWith("No (31 days");
    }

    @Test
    void aRejectionStillStandsAfterSomebodyElseApprovesInTheRole() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                rejection("rej-risk", "risk", "rita", "position limits too wide", day(1)),
                approval("appr-risk", "risk", "carol", null, day(2)));

        ChecklistItem risk = item(ledger.assemble().tradingChecklist(), "Risk");

        assertThat(risk.value()).startsWith("rita").contains("REJECTED");
        assertThat(risk.sources()).extracting(Source::entry).containsExactly(ledger.entryOf("rej-risk"));
    }

    @Test
    void aRevokedApprovalAndARejectionAreShownAsSuchWithTheirEntries() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"),
                approval("appr-risk", "risk", "carol", null, day(1)),
                revocation("rev-risk", "appr-risk", "risk", "carol", "limits changed"),
                rejection("rej-aud", "auditor", "bob", "walk-forward below 60 %", day(2)),
                decision("dec-1", "paper", GateOutcome.NO_GO, day(2), null, List.of(
                        EvidenceFixture.criterion("full-audit", "approval",
                                CriterionStatus.FAIL, "bob", "auditor", "rejected by bob",
                                "rej-aud")), List.of(), "rej-aud"));

        List<ChecklistItem> items = ledger.assemble().tradingChecklist();

        assertThat(item(items, "Risk").value()).isEqualTo("carol — 2026-03-02 — REVOKED (revoked by carol: limits changed)");
        assertThat(item(items, "Risk").sources()).extracting(Source::entry)
                .containsExactly(ledger.entryOf("appr-risk"), ledger.entryOf("rev-risk"));
        assertThat(item(items, "Verdict").value()).startsWith("FAIL (auditor bob");
        assertThat(item(items, "Release decision").value())
                .startsWith("REJECTED reason: full-audit — rejected by bob");
    }
}
