package dev.greenlight.ledger.evidence.application;

import static dev.greenlight.ledger.evidence.application.EvidenceFixture.T0;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.check;
import static dev.greenlight.ledger.evidence.application.EvidenceFixture.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.CheckStatus;
import org.junit.jupiter.api.Test;

/** The readable report: one section per runbook, citations on every row, recorded text kept inside its cell. */
class EvidenceMarkdownTest {

    @Test
    void theReportHasEachRunbookSectionAndCitesEntries() {
        EvidenceFixture ledger = new EvidenceFixture().record(registered("2.1.0"))
                .record(check("c-1", "lane:cli", CheckStatus.PASS, "https://ci/run/7", T0));

        String markdown = EvidenceMarkdown.render(ledger.assemble());

        assertThat(markdown).startsWith("# Release evidence: ict-qm@2.1.0")
                .contains("## Decision record (RL go/no-go playbook)", "No gate decision is recorded",
                        "## Audit sign-off checklist (trading strategy release runbook)",
                        "| Strategy audit | Verdict | [ ] not recorded |  |",
                        "## Gate5 evidence items", "| lane:cli | PASS | https://ci/run/7 |",
                        "| " + ledger.entryOf("c-1") + " |", "tree size 2");
    }

    @Test
    void recordedTextCannotBreakATableOrInjectMarkup() {
        assertThat(EvidenceMarkdown.escape("a|b\nc<script>")).isEqualTo("a\\|b c&lt;script>");
        assertThat(EvidenceHtml.render(new EvidenceFixture().record(registered("2.1.0")).assemble()))
                .doesNotContain("<script").contains("<pre># Release evidence: ict-qm@2.1.0");
    }
}
