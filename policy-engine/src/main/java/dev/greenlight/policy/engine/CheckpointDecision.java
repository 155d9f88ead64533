package dev.greenlight.policy.engine;

import java.time.Instant;

/**
 * The engine's verdict on one monitoring checkpoint of a live stage at one instant.
 *
 * <p>{@code decided} says whether this verdict is the checkpoint's decision to record: at or after
 * {@code dueAt} it always is; before it only when the checkpoint has already failed for good — a
 * failure nothing before {@code dueAt} can undo (an alert since the stage start stays counted), so
 * waiting for the offset would only delay the action the checkpoint exists for. A verdict that is
 * not decided is not recorded (T+30 minus 1 ms: no decision yet).
 *
 * @param decision the criteria results, outcome and id ({@link DecisionId} over
 *                 {@code <stage>#<checkpoint>@<stageStartedAt millis>} as the stage line)
 * @param stageStartedAt the instant the stage started, which the checkpoint's offset counts from
 * @param dueAt {@code stageStartedAt} plus the checkpoint's offset
 */
public record CheckpointDecision(Decision decision, String checkpoint, Instant stageStartedAt, Instant dueAt,
                                 boolean decided) {

    /** The stage line of the decision id: which checkpoint of which start of the stage. */
    public static String idStage(String stage, String checkpoint, Instant stageStartedAt) {
        return stage + "#" + checkpoint + "@" + stageStartedAt.toEpochMilli();
    }
}
