package dev.greenlight.ledger.metrics.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a delivery dashboard shows, folded from the recorded gate decisions and deployment commands
 * in ledger order: decisions counted by target, stage, kind and outcome; each stage's current
 * decision (which version, which outcome); the traffic share last commanded per target. Pure, so a
 * restart that replays the ledger rebuilds exactly the values the meters showed before.
 */
public final class DeliveryState {

    /** A stage decision (not a monitoring checkpoint's). */
    public static final String STAGE = "stage";
    public static final String CHECKPOINT = "checkpoint";

    private final Map<List<String>, Long> decisions = new HashMap<>();
    private final Map<List<String>, StageInfo> stages = new HashMap<>();
    private final Map<String, Integer> traffic = new HashMap<>();

    /** The current decision of one stage of a target: the version it is about and its outcome. */
    public record StageInfo(String version, String outcome) {
    }

    /**
     * A gate decision was recorded. Returns the stage's new info when a stage decision changed it
     * (the meters then replace the old series), empty otherwise.
     */
    public Optional<StageInfo> decided(String target, String version, String stage, boolean checkpoint,
                                       String outcome) {
        decisions.merge(List.of(target, stage, checkpoint ? CHECKPOINT : STAGE, outcome), 1L, Long::sum);
        if (checkpoint) {
            return Optional.empty();
        }
        StageInfo info = new StageInfo(version, outcome);
        StageInfo previous = stages.put(List.of(target, stage), info);
        return info.equals(previous) ? Optional.empty() : Optional.of(info);
    }

    /** A deployment command told the deployers to run {@code percent} % of the target's traffic on a version. */
    public void commanded(String target, int percent) {
        traffic.put(target, percent);
    }

    /** Decisions by [target, stage, kind, outcome]. */
    public long decisions(List<String> labels) {
        return decisions.getOrDefault(labels, 0L);
    }

    public Map<List<String>, Long> decisionCounts() {
        return Map.copyOf(decisions);
    }

    public Optional<StageInfo> stage(String target, String stage) {
        return Optional.ofNullable(stages.get(List.of(target, stage)));
    }

    /** The traffic share last commanded for {@code target}, in %; -1 before any command. */
    public int traffic(String target) {
        return traffic.getOrDefault(target, -1);
    }

    public Map<String, Integer> trafficByTarget() {
        return Map.copyOf(traffic);
    }
}
