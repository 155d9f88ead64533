package dev.greenlight.policy.engine;

import static dev.greenlight.policy.engine.CriterionStatus.FAIL;
import static dev.greenlight.policy.engine.CriterionStatus.PASS;

import dev.greenlight.policy.evidence.OnCallAck;
import dev.greenlight.policy.model.OnCallCriterion;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * On-call coverage: an acknowledged window must contain evaluation time and, with
 * {@code coverFor}, reach at least that far beyond it. Missing coverage is FAIL because the
 * runbooks make "no on-call coverage" an explicit NO-GO.
 */
final class OnCallEvaluator implements CriterionEvaluator<OnCallCriterion> {

    @Override
    public CriterionResult evaluate(OnCallCriterion criterion, EvaluationContext context) {
        Instant at = context.at();
        Instant mustReach = criterion.coverFor() == null ? at : at.plus(criterion.coverFor());
        String threshold = criterion.coverFor() == null ? "ACK covering now"
                : "ACK covering the next " + DurationText.format(criterion.coverFor());
        Optional<OnCallAck> covering = context.evidence().onCallAcks().stream()
                .filter(ack -> ack.covers(at) && !ack.windowEnd().isBefore(mustReach))
                .max(Comparator.comparing(OnCallAck::windowEnd).thenComparing(OnCallAck::id));
        if (covering.isPresent()) {
            OnCallAck ack = covering.get();
            Instant lapses = criterion.coverFor() == null ? ack.windowEnd() : ack.windowEnd().minus(criterion.coverFor());
            return CriterionResult.of(criterion, PASS, ack.engineer() + " until " + ack.windowEnd(), threshold,
                    ack.engineer() + " acknowledged on-call until " + ack.windowEnd(), List.of(ack.id()),
                    context.earliestFuture(Stream.of(lapses)));
        }
        List<OnCallAck> later = context.evidence().onCallAcks().stream()
                .filter(ack -> ack.windowStart().isAfter(at)).toList();
        return CriterionResult.of(criterion, FAIL, null, threshold, "no on-call coverage for the deployment window",
                List.of(), context.earliestFuture(later.stream().map(OnCallAck::windowStart)));
    }
}
