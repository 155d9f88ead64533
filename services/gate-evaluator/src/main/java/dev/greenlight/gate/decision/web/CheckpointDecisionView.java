package dev.greenlight.gate.decision.web;

import dev.greenlight.events.GateDecided;
import java.time.Instant;

/**
 * A live stage's monitoring checkpoint as the REST API shows it: which checkpoint of which entry
 * of the stage, and its latest decision. Listed apart from the stages' gate decisions, so a reader
 * (or {@code greenlight wait}) asking for "live-10" never gets a checkpoint's verdict instead.
 */
record CheckpointDecisionView(String stage, String checkpoint, Instant stageStartedAt, StageDecisionView decision) {

    static CheckpointDecisionView of(GateDecided d) {
        return new CheckpointDecisionView(d.getStage(), d.getCheckpoint(), d.getStageStartedAt(), StageDecisionView.of(d));
    }
}
