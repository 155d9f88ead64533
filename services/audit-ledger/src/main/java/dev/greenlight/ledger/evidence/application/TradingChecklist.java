package dev.greenlight.ledger.evidence.application;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.evidence.CheckDetailsFold;
import dev.greenlight.ledger.evidence.domain.ChecklistItem;
import dev.greenlight.ledger.evidence.domain.CriterionRecord;
import dev.greenlight.ledger.evidence.domain.DecisionRecord;
import dev.greenlight.ledger.evidence.domain.Source;
import dev.greenlight.policy.evidence.DetailValues;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The trading runbook's "Release Audit Sign-Off" checklist filled from the ledger. Names of checks,
 * metrics, roles and the paper stage are those of the shipped {@code policies/trading-strategy.yaml},
 * which encodes the runbook; a line whose fact is not in the ledger says "not recorded".
 *
 * <p>Derived values are stated with what they were derived from: "within 30 days" compares the
 * auditor's verdict with the latest recorded decision (not with today), the paper period runs from
 * the paper step's start to the next step's start.
 */
final class TradingChecklist {

    static final String AUDIT_REPORT_CHECK = "audit-verification";
    static final String ANTI_BIAS_CHECK = "anti-bias-tests";
    static final String WALK_FORWARD_METRIC = "walk_forward_consistency_pct";
    static final String PAPER_TRADES_METRIC = "paper_trades_total";
    static final String DIVERGENCE_METRIC = "paper_backtest_divergence_pct";
    static final String PAPER_STAGE = "paper";
    static final int AUDIT_MAX_AGE_DAYS = 30;

    private static final String STRATEGY = "Strategy audit";
    private static final String VALIDATION = "Validation";
    private static final String APPROVALS = "Approvals";
    private static final String DECISION = "Release decision";
    private static final Map<String, String> APPROVERS = approvers();

    private TradingChecklist() {
    }

    static List<ChecklistItem> of(ReleaseEvents release, List<DecisionRecord> decisions) {
        List<ChecklistItem> items = new ArrayList<>();
        Optional<DecisionRecord> decision = DecisionRecords.latest(decisions);
        items.add(check(release, STRATEGY, "Audit report", AUDIT_REPORT_CHECK));
        Optional<StandingVerdict> audit = StandingVerdict.of(release, "auditor");
        items.add(audit.map(v -> ChecklistItem.of(STRATEGY, "Verdict", auditVerdict(v), v.sources()))
                .orElse(ChecklistItem.notRecorded(STRATEGY, "Verdict")));
        items.add(audit.map(v -> ChecklistItem.of(STRATEGY, "Audit date", date(v.at()), v.sources()))
                .orElse(ChecklistItem.notRecorded(STRATEGY, "Audit date")));
        items.add(withinDays(audit, decision));

        items.add(check(release, VALIDATION, "Anti-bias tests", ANTI_BIAS_CHECK));
        items.add(Facts.latestMetric(release, WALK_FORWARD_METRIC)
                .map(m -> ChecklistItem.of(VALIDATION, "Walk-forward consistency",
                        Facts.number(m.event().getValue()) + " %", List.of(m.source())))
                .orElse(ChecklistItem.notRecorded(VALIDATION, "Walk-forward consistency")));
        items.add(paperTrading(release));
        items.add(Facts.latestMetric(release, DIVERGENCE_METRIC)
                .map(m -> ChecklistItem.of(VALIDATION, "Paper vs backtest",
                        Facts.number(m.event().getValue()) + " % divergence" + labels(m.event()), List.of(m.source())))
                .orElse(ChecklistItem.notRecorded(VALIDATION, "Paper vs backtest")));

        APPROVERS.forEach((role, line) -> items.add(StandingVerdict.of(release, role)
                .map(v -> ChecklistItem.of(APPROVALS, line, v.by() + " — " + date(v.at()) + " — " + v.verdict()
                        + (v.comment() == null ? "" : " (" + v.comment() + ")"), v.sources()))
                .orElse(ChecklistItem.notRecorded(APPROVALS, line))));

        items.add(decision.map(d -> ChecklistItem.of(DECISION, "Release decision", releaseDecision(d),
                List.of(d.source()))).orElse(ChecklistItem.notRecorded(DECISION, "Release decision")));
        return items;
    }

    private static ChecklistItem check(ReleaseEvents release, String section, String line, String name) {
        return Facts.check(release, name)
                .map(c -> ChecklistItem.of(section, line, checkValue(c.event()), List.of(c.source())))
                .orElse(ChecklistItem.notRecorded(section, line));
    }

    private static String checkValue(CheckReported check) {
        Map<String, Object> details = CheckDetailsFold.of(check);
        return check.getStatus() + " (" + check.getName() + ", "
                + (check.getUrl() == null ? "run URL not recorded" : check.getUrl()) + ", completed "
                + check.getCompletedAt() + ")" + (details.isEmpty() ? "" : details.entrySet().stream()
                .map(e -> e.getKey() + "=" + DetailValues.format(e.getValue()))
                .collect(Collectors.joining(", ", " — ", "")));
    }

    /** The runbook asks for "PASS"; an approval in the auditor role is the audit's PASS, a rejection its FAIL. */
    private static String auditVerdict(StandingVerdict v) {
        String verdict = switch (v.verdict()) {
            case "APPROVED" -> "PASS";
            case "REJECTED" -> "FAIL";
            default -> "REVOKED";
        };
        return verdict + " (auditor " + v.by() + (v.comment() == null ? "" : ": " + v.comment()) + ")";
    }

    private static ChecklistItem withinDays(Optional<StandingVerdict> audit, Optional<DecisionRecord> decision) {
        String line = "Within " + AUDIT_MAX_AGE_DAYS + " days";
        if (audit.isEmpty() || decision.isEmpty()) {
            return ChecklistItem.notRecorded(STRATEGY, line);
        }
        Duration age = Duration.between(audit.get().at(), decision.get().time());
        boolean within = !age.isNegative() && age.compareTo(Duration.ofDays(AUDIT_MAX_AGE_DAYS)) <= 0;
        List<Source> sources = new ArrayList<>(audit.get().sources());
        sources.add(decision.get().source());
        return ChecklistItem.of(STRATEGY, line, (within ? "Yes" : "No") + " (" + age.toDays()
                + " days before the " + decision.get().stage() + " decision of " + decision.get().time() + ")", sources);
    }

    private static ChecklistItem paperTrading(ReleaseEvents release) {
        String line = "Paper trading";
        Optional<Cited<MetricObserved>> trades = Facts.maxMetric(release, PAPER_TRADES_METRIC);
        List<Cited<RolloutStepStarted>> steps = release.all(RolloutStepStarted.class);
        Optional<Cited<RolloutStepStarted>> paper = steps.stream()
                .filter(s -> s.event().getStage().equals(PAPER_STAGE)).findFirst();
        Optional<Cited<RolloutStepStarted>> next = paper.flatMap(p -> steps.stream()
                .filter(s -> s.event().getTrafficPercent() > p.event().getTrafficPercent()).findFirst());
        if (trades.isEmpty() && paper.isEmpty()) {
            return ChecklistItem.notRecorded(VALIDATION, line);
        }
        List<Source> sources = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        trades.ifPresent(t -> {
            parts.add(Facts.number(t.event().getValue()) + " trades");
            sources.add(t.source());
        });
        paper.ifPresent(p -> {
            sources.add(p.source());
            Instant from = p.event().getMeta().getOccurredAt();
            if (next.isPresent()) {
                sources.add(next.get().source());
                Duration length = Duration.between(from, next.get().event().getMeta().getOccurredAt());
                parts.add("paper stage " + length.toDays() + " days " + length.toHoursPart() + " h (" + from + " to "
                        + next.get().event().getStage() + " at " + next.get().event().getMeta().getOccurredAt() + ")");
            } else {
                parts.add("paper stage since " + from);
            }
        });
        if (trades.isEmpty()) {
            parts.add("trade count not recorded");
        }
        return ChecklistItem.of(VALIDATION, line, String.join(", ", parts), sources);
    }

    private static String releaseDecision(DecisionRecord d) {
        return switch (d.outcome()) {
            case "GO" -> "APPROVED for " + d.stage() + " (GO at " + d.time() + ")";
            case "NO_GO" -> "REJECTED reason: " + criteria(d, "FAIL") + " (" + d.stage() + ", NO_GO at " + d.time() + ")";
            default -> "HOLD pending: " + pending(d) + " (" + d.stage() + ", HOLD at " + d.time() + ")";
        };
    }

    private static String criteria(DecisionRecord d, String status) {
        String named = d.criteria().stream().filter(c -> c.status().equals(status))
                .map(c -> c.name() + " — " + c.reason()).collect(Collectors.joining("; "));
        return named.isEmpty() ? String.join("; ", d.justification()) : named;
    }

    private static String pending(DecisionRecord d) {
        if (!d.pendingOn().isEmpty()) {
            return String.join("; ", d.pendingOn());
        }
        List<String> open = new ArrayList<>();
        for (CriterionRecord c : d.criteria()) {
            if (c.status().equals("PENDING") || c.status().equals("WARN")) {
                open.add(c.name());
            }
        }
        open.addAll(d.missing().stream().filter(m -> !open.contains(m)).toList());
        return open.isEmpty() ? String.join("; ", d.justification()) : String.join(", ", open);
    }

    private static String labels(MetricObserved metric) {
        if (metric.getLabels().isEmpty()) {
            return "";
        }
        return " (" + new TreeMap<>(metric.getLabels()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    private static String date(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Map<String, String> approvers() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("auditor", "Auditor");
        lines.put("risk", "Risk");
        lines.put("founder", "Founder");
        lines.put("code-review", "Code review");
        return Collections.unmodifiableMap(lines);
    }
}
