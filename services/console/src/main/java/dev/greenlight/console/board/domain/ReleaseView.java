package dev.greenlight.console.board.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the console knows about one release ({@code target@version}), folded from the topics
 * by {@link ReleaseFold}. Immutable: every fact yields a new view, so a page renders one consistent
 * state while the projection moves on.
 */
public record ReleaseView(String target, String version, String type, String author, String revision,
        String policy, String policyHash, Instant registeredAt, String stage, int trafficPercent,
        String rolloutState, String lastOutcome, Instant lastChangeAt, List<StageView> stages,
        List<TimelinePoint> timeline, List<PersonActed> people) {

    /** The most timeline points and people's actions a view keeps (the oldest go first). */
    static final int KEEP = 500;

    public ReleaseView {
        stages = List.copyOf(stages);
        timeline = List.copyOf(timeline);
        people = List.copyOf(people);
    }

    /** An empty view of a release the console has not seen registered (yet). */
    static ReleaseView unknown(String target, String version, Instant at) {
        return new ReleaseView(target, version, null, null, null, null, null, at, null, 0, null, null, at,
                List.of(), List.of(), List.of());
    }

    /** {@code target@version}, as the APIs name a release. */
    public String id() {
        return target + "@" + version;
    }

    /** Whether the release is still in flight: its rollout neither completed nor aborted. */
    public boolean inFlight() {
        return !"completed".equals(rolloutState) && !"aborted".equals(rolloutState);
    }

    /** The latest verdict on {@code name}, or null. */
    public StageView stageView(String name) {
        return stages.stream().filter(s -> s.stage().equals(name)).findFirst().orElse(null);
    }

    /** The latest verdict of the current stage (or of the stage decided last). */
    public StageView currentStageView() {
        StageView current = stage == null ? null : stageView(stage);
        return current != null ? current : stages.isEmpty() ? null : stages.get(stages.size() - 1);
    }

    ReleaseView withStages(List<StageView> newStages, String newStage, String outcome, String newPolicy,
            String newHash, Instant at) {
        return new ReleaseView(target, version, type, author, revision, newPolicy, newHash, registeredAt, newStage,
                trafficPercent, rolloutState, outcome, at, newStages, timeline, people);
    }

    ReleaseView withTraffic(String newStage, int percent, String state, TimelinePoint point) {
        return new ReleaseView(target, version, type, author, revision, policy, policyHash, registeredAt, newStage,
                percent, state, lastOutcome, point.at(), stages, capped(timeline, point), people);
    }

    ReleaseView withPerson(PersonActed acted) {
        return new ReleaseView(target, version, type, author, revision, policy, policyHash, registeredAt, stage,
                trafficPercent, rolloutState, lastOutcome, acted.at(), stages, timeline, capped(people, acted));
    }

    ReleaseView withRegistration(ReleaseAnnounced announced) {
        Instant first = type == null ? announced.at() : registeredAt; // age counts from the first registration
        return new ReleaseView(target, version, announced.type(), announced.author(), announced.revision(),
                announced.policy() != null ? announced.policy() : policy, policyHash, first, stage, trafficPercent,
                rolloutState, lastOutcome, announced.at(), stages, timeline, people);
    }

    private static <T> List<T> capped(List<T> list, T added) {
        List<T> copy = new ArrayList<>(list.size() >= KEEP ? list.subList(1, list.size()) : list);
        copy.add(added);
        return copy;
    }
}
