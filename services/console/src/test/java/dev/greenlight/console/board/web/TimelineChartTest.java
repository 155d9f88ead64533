package dev.greenlight.console.board.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.console.board.domain.TimelinePoint;
import dev.greenlight.console.board.domain.TrafficMoved.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void labelsOfEventsAtTheSameMomentDoNotOverlap() {
        Instant kill = T0.plusSeconds(600);
        String svg = TimelineChart.svg(List.of(new TimelinePoint(T0, 10, Kind.STEP_STARTED, "step started"),
                new TimelinePoint(kill, 10, Kind.KILL, "kill switch on"),
                new TimelinePoint(kill, 0, Kind.PAUSED, "paused by kill-switch"),
                new TimelinePoint(kill, 0, Kind.ROLLBACK, "guard page-alert")), kill);

        List<double[]> boxes = labelBoxes(svg);
        assertThat(boxes).hasSize(3);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                boolean apartSideways = Math.abs(a[0] - b[0]) >= (a[2] + b[2]) / 2;
                boolean apartUpDown = Math.abs(a[1] - b[1]) >= 11;
                assertThat(apartSideways || apartUpDown).as("labels %d and %d overlap in %s", i, j, svg).isTrue();
            }
        }
        assertThat(boxes).allSatisfy(box -> assertThat(box[1]).isBetween(8.0, (double) TimelineChart.HEIGHT));
    }

    @Test
    void labelsFarApartStayOnTheFirstLine() {
        String svg = TimelineChart.svg(List.of(new TimelinePoint(T0, 50, Kind.PAUSED, "paused"),
                new TimelinePoint(T0.plusSeconds(3600), 50, Kind.RESUMED, "resumed")), T0.plusSeconds(3600));

        List<double[]> boxes = labelBoxes(svg);
        assertThat(boxes).hasSize(2);
        assertThat(boxes.get(0)[1]).isEqualTo(boxes.get(1)[1]);
    }

    /** x, y and approximate width (7.5px a character) of every marker label. */
    private static List<double[]> labelBoxes(String svg) {
        Matcher label = Pattern.compile("<g class=\"marker [^\"]+\">.*?<text x=\"([\\d.]+)\" y=\"([\\d.]+)\"[^>]*>([^<]*)</text>")
                .matcher(svg);
        List<double[]> boxes = new ArrayList<>();
        while (label.find()) {
            boxes.add(new double[] {Double.parseDouble(label.group(1)), Double.parseDouble(label.group(2)),
                    7.5 * label.group(3).length()});
        }
        return boxes;
    }

    @Test
    void anEmptyTimelineSaysSo() {
        assertThat(TimelineChart.svg(List.of(), T0)).contains("No rollout yet", "No rollout step yet.");
    }
}
