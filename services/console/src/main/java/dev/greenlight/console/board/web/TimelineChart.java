package dev.greenlight.console.board.web;

import dev.greenlight.console.board.domain.TimelinePoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A release's traffic % over time as an inline SVG drawn on the server: a step line (traffic holds
 * until the next step), and a labelled marker for every guard trip, pause, rollback, kill and
 * abort. No script and no chart library: it renders in any browser, prints, and screen readers get
 * its title, description and each marker's {@code <title>}.
 */
public final class TimelineChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;
    /** Width of one label character at the chart's 11px label font, generously. */
    private static final double LABEL_CHAR_WIDTH = 7.5;
    private static final int LINE = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TimelineChart() {
    }

    /** The chart of {@code points} up to {@code now}; an empty-state chart when nothing rolled out yet. */
    public static String svg(List<TimelinePoint> points, Instant now) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"timeline-title\">Traffic share over time</title>")
                .append("<desc id=\"timeline-desc\">").append(escape(description(points))).append("</desc>");
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = y(percent);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
                    .append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(percent).append("%</text>");
        }
        if (points.isEmpty()) {
            svg.append("<text class=\"axis\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">No rollout yet</text></svg>");
            return svg.toString();
        }
        Instant start = points.get(0).at();
        Instant end = now.isAfter(points.get(points.size() - 1).at()) ? now : points.get(points.size() - 1).at();
        long span = Math.max(1, end.toEpochMilli() - start.toEpochMilli());
        StringBuilder line = new StringBuilder();
        double lastY = y(0);
        for (TimelinePoint point : points) {
            double x = x(point.at(), start, span);
            double y = y(point.percent());
            line.append(line.isEmpty() ? "M" : " L").append(fmt(x)).append(' ').append(fmt(line.isEmpty() ? y : lastY));
            line.append(" L").append(fmt(x)).append(' ').append(fmt(y));
            lastY = y;
        }
        line.append(" L").append(fmt(x(end, start, span))).append(' ').append(fmt(lastY));
        svg.append("<path class=\"traffic\" d=\"").append(line).append("\"/>");
        List<double[]> labels = new ArrayList<>(); // x, half width and y of each marker label drawn
        for (TimelinePoint point : points) {
            double x = x(point.at(), start, span);
            double y = y(point.percent());
            String kind = point.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (point.marked()) {
                String symbol = symbol(point);
                double halfWidth = LABEL_CHAR_WIDTH * symbol.length() / 2.0 + 2;
                double labelY = labelY(labels, x, halfWidth, y);
                labels.add(new double[] {x, halfWidth, labelY});
                svg.append("<g class=\"marker ").append(kind).append("\"><title>")
                        .append(escape(TIME.format(point.at()) + " " + point.label() + " (" + point.percent() + "%)"))
                        .append("</title><path d=\"M").append(fmt(x)).append(' ').append(fmt(y - 7)).append(" l6 10 h-12 z\"/>")
                        .append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(labelY))
                        .append("\" text-anchor=\"middle\">").append(escape(symbol)).append("</text></g>");
            } else {
                svg.append("<circle class=\"step\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                        .append("\" r=\"3\"><title>").append(escape(TIME.format(point.at()) + " " + point.label() + " ("
                                + point.percent() + "%)")).append("</title></circle>");
            }
        }
        svg.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 8).append("\">")
                .append(TIME.format(start)).append("</text><text class=\"axis\" x=\"").append(WIDTH - RIGHT)
                .append("\" y=\"").append(HEIGHT - 8).append("\" text-anchor=\"end\">").append(TIME.format(end))
                .append(" UTC</text></svg>");
        return svg.toString();
    }

    /**
     * Where a label centred on {@code x} goes: just above its marker if no label already drawn is
     * there, else one line higher at a time (below the marker where the top of the chart would cut
     * it), so events at the same moment (a kill and the pause it causes) get labels one above the
     * other instead of on top of each other. {@code drawn} holds x, half width and y of each label.
     */
    static double labelY(List<double[]> drawn, double x, double halfWidth, double markerY) {
        for (int level = 0; ; level++) {
            double above = markerY - 10 - LINE * level;
            double candidate = above >= TOP + 8 ? above : markerY + 16 + LINE * (level - aboveLevels(markerY));
            if (drawn.stream().noneMatch(label -> Math.abs(label[0] - x) < label[1] + halfWidth
                    && Math.abs(label[2] - candidate) < LINE)) {
                return candidate;
            }
        }
    }

    /** How many label lines fit between the marker and the top of the chart. */
    private static int aboveLevels(double markerY) {
        return (int) Math.floor((markerY - 10 - (TOP + 8)) / LINE) + 1;
    }

    private static String symbol(TimelinePoint point) {
        return switch (point.kind()) {
            case KILL -> "KILL";
            case ROLLBACK -> "ROLLBACK";
            case ABORTED -> "ABORT";
            case GUARD_PAUSE -> "GUARD";
            case PAUSED -> "PAUSE";
            case RESUMED -> "RESUME";
            case COMPLETED -> "DONE";
            default -> "";
        };
    }

    private static String description(List<TimelinePoint> points) {
        if (points.isEmpty()) {
            return "No rollout step yet.";
        }
        TimelinePoint last = points.get(points.size() - 1);
        long marked = points.stream().filter(TimelinePoint::marked).count();
        return points.size() + " points; now at " + last.percent() + "% after " + last.label() + "; " + marked
                + " marked events.";
    }

    private static double x(Instant at, Instant start, long span) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) (at.toEpochMilli() - start.toEpochMilli()) / span;
    }

    private static double y(int percent) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - Math.max(0, Math.min(100, percent)) / 100.0);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
