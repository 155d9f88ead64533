package dev.greenlight.ledger.evidence.application;

import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.ApprovalRevoked;
import dev.greenlight.ledger.evidence.domain.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdict standing in one role: a rejection that its author has neither revoked nor replaced
 * by a later verdict of their own, else the latest approval or rejection in that role that has not
 * been revoked; if every one was revoked, the latest of those, marked REVOKED (so the checklist shows the
 * revocation rather than pretending nobody ever signed).
 *
 * @param verdict APPROVED, REJECTED or REVOKED
 * @param by      the approver
 * @param at      when the verdict was given ({@code meta.occurredAt})
 * @param comment the approver's comment, or who revoked it and why; null when none
 * @param sources the approval entry, and the revocation's when revoked
 */
record StandingVerdict(String verdict, String by, Instant at, String comment, List<Source> sources) {

    static Optional<StandingVerdict> of(ReleaseEvents release, String role) {
        Map<String, Cited<ApprovalRevoked>> revocations = release.all(ApprovalRevoked.class).stream()
                .filter(r -> r.event().getRole().equals(role))
                .collect(Collectors.toMap(r -> r.event().getApprovalId(), r -> r, (a, b) -> a));
        List<StandingVerdict> verdicts = new ArrayList<>();
        for (CitedEvent cited : release.events()) {
            if (cited.event() instanceof ApprovalGranted a && a.getRole().equals(role)) {
                verdicts.add(verdict(revocations.get(a.getApprovalId()), cited.source(), "APPROVED", a.getApprover(),
                        a.getMeta().getOccurredAt(), a.getComment()));
            } else if (cited.event() instanceof ApprovalRejected r && r.getRole().equals(role)) {
                verdicts.add(verdict(revocations.get(r.getApprovalId()), cited.source(), "REJECTED", r.getApprover(),
                        r.getMeta().getOccurredAt(), r.getComment()));
            }
        }
        List<StandingVerdict> standing = verdicts.stream().filter(v -> !v.verdict().equals("REVOKED")).toList();
        // A rejection stands until its own author withdraws it or changes their verdict: somebody
        // else's later approval does not hide it (the gate's rule, ApprovalRules in the engine).
        Map<String, StandingVerdict> latestByPerson = new LinkedHashMap<>();
        standing.forEach(v -> latestByPerson.put(v.by(), v));
        return latestByPerson.values().stream().filter(v -> v.verdict().equals("REJECTED")).reduce((a, b) -> b)
                .or(() -> standing.stream().reduce((a, b) -> b))
                .or(() -> verdicts.stream().reduce((a, b) -> b));
    }

    private static StandingVerdict verdict(Cited<ApprovalRevoked> revoked, Source source, String verdict, String by,
            Instant at, String comment) {
        if (revoked == null) {
            return new StandingVerdict(verdict, by, at, comment, List.of(source));
        }
        return new StandingVerdict("REVOKED", by, at, "revoked by " + revoked.event().getRevokedBy()
                + (revoked.event().getReason() == null ? "" : ": " + revoked.event().getReason()),
                List.of(source, revoked.source()));
    }
}
