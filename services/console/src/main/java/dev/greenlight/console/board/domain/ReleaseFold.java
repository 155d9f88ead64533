package dev.greenlight.console.board.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The console's fold for one release: {@code (view, fact) -> view}. Pure and total, so a restart
 * that reads the topics again from the beginning rebuilds the same board, and a fact that does not
 * concern the release leaves its view unchanged.
 */
public final class ReleaseFold {

    private ReleaseFold() {
    }

    /** The view after {@code event}; {@code view} is never changed. */
    public static ReleaseView apply(ReleaseView view, ConsoleEvent event) {
        if (event instanceof ReleaseAnnounced announced) {
            return view.withRegistration(announced);
        }
        if (event instanceof StageDecided decided) {
            return decided(view, decided);
        }
        if (event instanceof PersonActed acted) {
            return view.withPerson(acted);
        }
        if (event instanceof TrafficMoved moved) {
            return moved(view, moved);
        }
        if (event instanceof KillSwitchFlipped flipped && flipped.active()) {
            return view.withTraffic(view.stage(), view.trafficPercent(), view.rolloutState(),
                    new TimelinePoint(flipped.at(), view.trafficPercent(), TrafficMoved.Kind.KILL,
                            "kill switch on by " + flipped.by() + ": " + flipped.reason()));
        }
        return view;
    }

    private static ReleaseView decided(ReleaseView view, StageDecided decided) {
        List<StageView> stages = new ArrayList<>(view.stages());
        StageView stage = StageView.of(decided);
        boolean replaced = false;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).stage().equals(decided.stage())) {
                stages.set(i, stage);
                replaced = true;
            }
        }
        if (!replaced) {
            stages.add(stage);
        }
        // Until a rollout runs, the stage being judged is the release's current stage.
        String current = view.rolloutState() == null ? decided.stage() : view.stage();
        String policy = decided.policyName() != null ? decided.policyName() : view.policy();
        return view.withStages(stages, current, decided.outcome(), policy, decided.policyHash(), decided.at());
    }

    private static ReleaseView moved(ReleaseView view, TrafficMoved moved) {
        int percent = moved.percent() != null ? moved.percent() : switch (moved.kind()) {
            case ROLLBACK, KILL, ABORTED -> 0;
            default -> view.trafficPercent();
        };
        String state = switch (moved.kind()) {
            case STEP_STARTED -> "ramping";
            case STEP_COMPLETED -> "soaked";
            case PAUSED, GUARD_PAUSE -> percent == 0 ? "killed" : "paused";
            case RESUMED -> "ramping";
            case ROLLBACK -> "rolled back";
            case KILL -> "killed";
            case ABORTED -> "aborted";
            case COMPLETED -> "completed";
        };
        String label = moved.kind().name().toLowerCase().replace('_', ' ')
                + (moved.by() != null ? " by " + moved.by() : "")
                + (moved.reason() != null && !moved.reason().isBlank() ? ": " + moved.reason() : "");
        return view.withTraffic(moved.stage(), percent, state, new TimelinePoint(moved.at(), percent, moved.kind(), label));
    }
}
