package dev.greenlight.ledger.evidence.application;

import dev.greenlight.ledger.evidence.domain.CheckItem;
import dev.greenlight.ledger.evidence.domain.ChecklistItem;
import dev.greenlight.ledger.evidence.domain.CriterionRecord;
import dev.greenlight.ledger.evidence.domain.DecisionRecord;
import dev.greenlight.ledger.evidence.domain.DeploymentItem;
import dev.greenlight.ledger.evidence.domain.EvidenceBundle;
import dev.greenlight.ledger.evidence.domain.Gate5Evidence;
import dev.greenlight.ledger.evidence.domain.IncidentItem;
import dev.greenlight.ledger.evidence.domain.LedgerBasis;
import dev.greenlight.ledger.evidence.domain.OutcomeChange;
import dev.greenlight.ledger.evidence.domain.ReleaseFacts;
import dev.greenlight.ledger.evidence.domain.RollbackItem;
import dev.greenlight.ledger.evidence.domain.RolloutStep;
import dev.greenlight.ledger.evidence.domain.Source;
import dev.greenlight.policy.evidence.DetailValues;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The evidence bundle as a plain Markdown report for people: one section per runbook, tables where
 * the runbook has rows, every row ending in the ledger entry it cites ({@code partition/sequence},
 * marked {@code *} when the bundle's checkpoint does not cover it yet). Missing facts read
 * "not recorded". Cell text is escaped so a recorded value cannot break the table.
 */
public final class EvidenceMarkdown {

    private static final String NOT_RECORDED = ChecklistItem.NOT_RECORDED;

    private final StringBuilder out = new StringBuilder();

    private EvidenceMarkdown() {
    }

    public static String render(EvidenceBundle bundle) {
        EvidenceMarkdown md = new EvidenceMarkdown();
        md.header(bundle);
        md.decisions(bundle.decisions());
        md.checklist(bundle.tradingChecklist());
        md.gate5(bundle.gate5());
        return md.out.toString();
    }

    private void header(EvidenceBundle bundle) {
        ReleaseFacts f = bundle.facts();
        line("# Release evidence: " + escape(bundle.release()));
        line();
        line("Generated " + bundle.generatedAt() + " from the audit ledger. " + basis(bundle.basis()));
        line();
        line("## Release");
        line();
        table("Field", "Value", "Entry");
        row("Target", f.target(), cite(f.source()));
        row("Version", f.version(), cite(f.source()));
        row("Type", f.releaseType(), cite(f.source()));
        row("Revision", f.revision(), cite(f.source()));
        row("Author", f.author(), cite(f.source()));
        row("Changelog", text(f.changelog()), cite(f.source()));
        row("Policy named at registration", f.policy() == null ? "none (chosen by target and type)" : f.policy(),
                cite(f.source()));
        row("Registered", f.registeredAt() + " by " + f.registeredBy(), cite(f.source()));
        line();
    }

    private static String basis(LedgerBasis basis) {
        if (basis.rootHash() == null) {
            return "No signed checkpoint existed yet (" + basis.ledgerEntries()
                    + " entries): no cited entry can be proven until one is written (entries marked *).";
        }
        return "Checkpoint: tree size " + basis.treeSize() + ", root `" + basis.rootHash() + "`, signed "
                + basis.signedAt() + " with key `" + basis.keyId() + "` (" + basis.ledgerEntries()
                + " entries on the ledger; entries marked * came after it). Prove an entry with "
                + "`GET /api/v1/ledger/proof/inclusion?partition=P&sequence=S&treeSize=" + basis.treeSize() + "`.";
    }

    private void decisions(List<DecisionRecord> decisions) {
        line("## Decision record (RL go/no-go playbook)");
        line();
        if (decisions.isEmpty()) {
            line("No gate decision is recorded for this release.");
            line();
        }
        for (DecisionRecord d : decisions) {
            line("### Stage " + escape(d.stage()) + ": " + d.outcome());
            line();
            table("Field", "Value");
            row("Time", String.valueOf(d.time()));
            row("Decision maker", String.join(", ", d.decisionMakers()));
            row("Outcome", d.outcome());
            row("Justification", String.join("; ", d.justification()));
            if (!d.pendingOn().isEmpty()) {
                row("Pending on", String.join("; ", d.pendingOn()));
            }
            row("Next review", (d.nextReview().at() == null ? "none" : d.nextReview().at().toString()) + " — "
                    + d.nextReview().basis() + (d.nextReview().source() == null ? "" : " " + cite(d.nextReview().source())));
            row("Policy", d.policy());
            row("Decision", d.decisionId() + " " + cite(d.source()));
            row("Outcome history", d.history().stream().map(EvidenceMarkdown::change).collect(Collectors.joining(", ")));
            line();
            table("Criterion", "Kind", "Status", "Blocking", "Observed", "Threshold", "Reason");
            for (CriterionRecord c : d.criteria()) {
                row(c.name(), c.kind(), c.status(), c.blocking() ? "yes" : "no", text(c.observed()),
                        text(c.threshold()), c.reason());
            }
            line();
        }
    }

    private static String change(OutcomeChange change) {
        return change.outcome() + " at " + change.at() + " " + cite(change.source());
    }

    private void checklist(List<ChecklistItem> items) {
        line("## Audit sign-off checklist (trading strategy release runbook)");
        line();
        table("Section", "Item", "Value", "Entries");
        for (ChecklistItem item : items) {
            row(item.section(), item.item(), (item.recorded() ? "[x] " : "[ ] ") + item.value(), cites(item.sources()));
        }
        line();
    }

    private void gate5(Gate5Evidence g) {
        line("## Gate5 evidence items");
        line();
        line("Deployment revision: " + text(g.revision()));
        line();
        line("### Checks (CI run URLs)");
        line();
        checks(g.checks());
        line("### Lane results");
        line();
        checks(g.lanes());
        line("### Smoke check and replay gate");
        line();
        table("Item", "Status", "Run URL", "Summary", "Details", "Entry");
        smoke("smoke-check", g.smokeCheck());
        smoke("replay-gate", g.replayGate());
        line();
        line("### Rollout");
        line();
        table("Stage", "Traffic %", "Started", "Soak until", "Completed", "Entries");
        for (RolloutStep s : g.rollout()) {
            row(s.stage(), String.valueOf(s.trafficPercent()), String.valueOf(s.startedAt()), text(s.soakUntil()),
                    text(s.completedAt()), cite(s.started()) + (s.completed() == null ? "" : " " + cite(s.completed())));
        }
        line();
        line("### Deployment commands");
        line();
        table("Seq", "Traffic %", "Reason", "Issued", "Applied", "Entries");
        for (DeploymentItem d : g.deployments()) {
            String applied = d.appliedStatus() == null ? NOT_RECORDED
                    : d.appliedStatus() + " by " + d.appliedBy() + (d.appliedMessage() == null ? "" : ": " + d.appliedMessage());
            row(String.valueOf(d.sequence()), String.valueOf(d.trafficPercent()), d.reason(), String.valueOf(d.issuedAt()),
                    applied, cite(d.source()) + (d.appliedSource() == null ? "" : " " + cite(d.appliedSource())));
        }
        line();
        line("### Rollbacks");
        line();
        table("At", "Stage", "Action", "Guard / by", "Observed", "Threshold", "Reason", "Restored", "Entry");
        for (RollbackItem r : g.rollbacks()) {
            row(String.valueOf(r.at()), r.stage(), r.action(), r.guard() != null ? r.guard() : text(r.by()),
                    text(r.observed()), text(r.threshold()), r.reason(), text(r.restoredVersion()), cite(r.source()));
        }
        line();
        line("### Incidents (kill switch, alerts)");
        line();
        table("At", "Event", "Detail", "Entry");
        for (IncidentItem i : g.incidents()) {
            row(String.valueOf(i.at()), i.kind(), i.description(), cite(i.source()));
        }
        line();
    }

    private void checks(List<CheckItem> checks) {
        table("Check", "Status", "Run URL", "Summary", "Details", "Completed", "Entry");
        for (CheckItem c : checks) {
            row(c.name(), c.status(), text(c.url()), text(c.summary()), details(c), String.valueOf(c.completedAt()),
                    cite(c.source()));
        }
        line();
    }

    private void smoke(String name, CheckItem check) {
        if (check == null) {
            row(name, NOT_RECORDED, "", "", "", "");
        } else {
            row(name, check.status(), text(check.url()), text(check.summary()), details(check), cite(check.source()));
        }
    }

    /** The run's structured details as {@code key=value; ...} (the replay gate's fields, an audit's open fixes). */
    private static String details(CheckItem check) {
        return check.details().entrySet().stream()
                .map(e -> e.getKey() + "=" + DetailValues.format(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String cite(Source source) {
        return source.entry() + (source.checkpointed() ? "" : "*");
    }

    private static String cites(List<Source> sources) {
        return sources.stream().map(EvidenceMarkdown::cite).collect(Collectors.joining(" "));
    }

    private static String text(Object value) {
        return value == null ? NOT_RECORDED : value.toString();
    }

    private void table(String... headers) {
        row(headers);
        out.append('|');
        for (int i = 0; i < headers.length; i++) {
            out.append("---|");
        }
        out.append('\n');
    }

    private void row(String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell)).append(" |");
        }
        out.append('\n');
    }

    /**
     * A pipe ends a cell and a newline a row; neither may come from recorded text, and neither may
     * markup a viewer would render as HTML.
     */
    static String escape(String cell) {
        return cell == null ? "" : cell.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
                .replace("\r", " ").replace("\n", " ");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
