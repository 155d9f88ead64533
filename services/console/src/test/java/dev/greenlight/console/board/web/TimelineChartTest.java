package dev.greenlight.console.board.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.console.board.domain.TimelinePoint;
import dev.greenlight.console.board.domain.TrafficMoved.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-drawn traffic chart: steps, marked events with readable titles, escaped labels. */
class TimelineChartTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void drawsTheStepsAndMarksTheKillWithATitleAScreenReaderReads() {
        String svg = TimelineChart.svg(List.of(new TimelinePoint(T0, 10, Kind.STEP_STARTED, "step started"),
                new TimelinePoint(T0.plusSeconds(600), 10, Kind.KILL, "kill switch on by erin: <page>"),
                new TimelinePoint(T0.plusSeconds(601), 0, Kind.PAUSED, "paused by kill-switch")), T0.plusSeconds(900));

        assertThat(svg).startsWith("<svg class=\"timeline\"").contains("role=\"img\"", "<title id=\"timeline-title\">",
                "now at 0% after paused by kill-switch; 2 marked events", "class=\"marker kill\"", ">KILL</text>",
                "kill switch on by erin: &lt;page&gt; (10%)", "class=\"step\"", "11-22 10:00", "11-22 10:15 UTC");
        assertThat(svg).doesNotContain("<page>");
    }

    @Test
    void anEmptyTimelineSaysSo() {
        assertThat(TimelineChart.svg(List.of(), T0)).contains("No rollout yet", "No rollout step yet.");
    }
}
