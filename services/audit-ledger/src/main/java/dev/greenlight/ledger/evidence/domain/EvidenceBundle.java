package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;
import java.util.List;

/**
 * Everything an auditor or release captain needs about one release, in the forms the runbooks ask
 * for, each fact citing the ledger entry it was read from and the whole bundle naming the checkpoint
 * it was built against. Built only from the ledger: what the ledger does not hold is reported as not
 * recorded, never filled in.
 *
 * @param release           {@code target@version}
 * @param generatedAt       when the bundle was built
 * @param basis             the checkpoint the cited entries can be proven against
 * @param facts             the registration
 * @param decisions         the RL playbook's decision record, one per decided stage in order of first decision
 * @param tradingChecklist  the trading runbook's audit sign-off checklist
 * @param gate5             the Gate5 playbook's evidence items
 */
public record EvidenceBundle(String release, Instant generatedAt, LedgerBasis basis, ReleaseFacts facts,
        List<DecisionRecord> decisions, List<ChecklistItem> tradingChecklist, Gate5Evidence gate5) {
}
