package dev.greenlight.console.board.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** One line of the board: what a release captain needs at a glance about one release. */
public record BoardRow(String id, String target, String version, String type, String policy, String stage,
        int trafficPercent, String rolloutState, String outcome, Duration age, String nextActor, boolean killSwitch,
        List<String> holds) {

    public BoardRow {
        holds = List.copyOf(holds);
    }

    static BoardRow of(ReleaseView release, boolean killSwitch, List<String> holds, Instant now) {
        StageView stage = release.currentStageView();
        String next = stage == null ? "" : stage.pendingOn().stream().map(Pending::who).distinct()
                .collect(Collectors.joining("; "));
        Duration age = release.registeredAt() == null ? Duration.ZERO : Duration.between(release.registeredAt(), now);
        return new BoardRow(release.id(), release.target(), release.version(), release.type(), release.policy(),
                release.stage(), release.trafficPercent(), release.rolloutState(),
                stage == null ? null : stage.outcome(), age.isNegative() ? Duration.ZERO : age, next, killSwitch, holds);
    }

    /** The row's HTML id (and its release's SSE event suffix). */
    public String domId() {
        return DomIds.of(id);
    }

    /** The age in words: {@code 3d 4h}, {@code 2h 5m}, {@code 7m}. */
    public String ageText() {
        long minutes = age.toMinutes();
        if (minutes >= 24 * 60) {
            return minutes / (24 * 60) + "d " + minutes % (24 * 60) / 60 + "h";
        }
        if (minutes >= 60) {
            return minutes / 60 + "h " + minutes % 60 + "m";
        }
        return minutes + "m";
    }
}
