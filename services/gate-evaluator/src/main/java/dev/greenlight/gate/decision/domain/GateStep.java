package dev.greenlight.gate.decision.domain;

import dev.greenlight.policy.evidence.SourceOffset;
import java.util.List;

/**
 * What one input changed: the state was updated in place (so an event costs no copy of a long
 * evidence history), and this lists every change so the adapter writes the same to its stores,
 * in the same transaction as the decisions it emits.
 *
 * @param registered the registration to record, or null
 * @param remembered evidence to record
 * @param forgotten evidence to delete ({@code RecordedEvidence#expired})
 * @param decisions decisions to emit, in evaluation order
 * @param wakeUps wake-up moves, to apply in order
 * @param evaluations releases evaluated (each: every stage of its policy)
 * @param samplesThrough the target's new samples mark ({@code GateState}) to record, or null when unchanged
 */
public record GateStep<E>(E registered, List<E> remembered, List<E> forgotten, List<StageDecision> decisions,
                          List<WakeUp> wakeUps, int evaluations, SourceOffset samplesThrough) {

    /** A step that did not move the target's samples mark. */
    public GateStep(E registered, List<E> remembered, List<E> forgotten, List<StageDecision> decisions,
                    List<WakeUp> wakeUps, int evaluations) {
        this(registered, remembered, forgotten, decisions, wakeUps, evaluations, null);
    }

    public GateStep {
        remembered = List.copyOf(remembered);
        forgotten = List.copyOf(forgotten);
        decisions = List.copyOf(decisions);
        wakeUps = List.copyOf(wakeUps);
    }

    /** A step that changed nothing (a duplicate, an unknown wake-up). */
    public static <E> GateStep<E> nothing() {
        return new GateStep<>(null, List.of(), List.of(), List.of(), List.of(), 0);
    }
}
