package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Waiver;
import dev.greenlight.policy.model.Criterion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies waivers after a criterion was evaluated, so every kind is waivable the same way. A
 * waiver counts when it names the criterion, is known, unexpired ({@code expiresAt <= T} is
 * expired) and not revoked at evaluation time, was granted in a role the criterion (or the policy
 * default) allows, and not by the release author under any of their names. Its expiry is part of
 * the result's nextChangeAt, so the gate re-evaluates (and blocks again) the moment a waiver lapses.
 * A passing criterion is left as it is: a waiver only covers what is not met.
 */
final class Waivers {

    private Waivers() {
    }

    static CriterionResult apply(Criterion criterion, CriterionResult result, EvaluationContext context) {
        if (result.status() == CriterionStatus.PASS) {
            return result;
        }
        Set<String> roles = criterion.waivableBy().isEmpty()
                ? context.policy().defaults().waivableBy() : criterion.waivableBy();
        Optional<Waiver> waiver = context.evidence().waivers().stream()
                .filter(w -> w.criterion().equals(criterion.name()))
                .filter(w -> roles.contains(w.role()))
                .filter(w -> !w.revoked())
                .filter(w -> context.known(w.at()))
                .filter(w -> w.expiresAt() == null || w.expiresAt().isAfter(context.at()))
                .filter(w -> !context.release().authoredBy(w.by()))
                .max(Comparator.comparing(Waiver::at).thenComparing(Waiver::id));
        if (waiver.isEmpty()) {
            return result;
        }
        Waiver w = waiver.get();
        List<String> ids = new ArrayList<>(result.evidenceIds());
        ids.add(w.id());
        return new CriterionResult(result.name(), result.kind(), CriterionStatus.WAIVED, result.blocking(),
                result.observed(), result.threshold(),
                "waived by " + w.by() + " (" + w.role() + "): " + w.rationale() + " [was " + result.status() + ": "
                        + result.reason() + "]",
                ids, context.earliestFuture(Stream.of(w.expiresAt(), result.nextChangeAt())));
    }
}
