package dev.greenlight.cli.read;

import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi;
import tools.jackson.databind.JsonNode;

/** Renders one stage decision as the criteria table operators read. */
final class DecisionTable {

    private DecisionTable() {
    }

    static void print(PrintWriter out, JsonNode decision) {
        String outcome = decision.path("outcome").asString();
        out.println();
        out.println(Ansi.AUTO.string("  stage @|bold " + decision.path("stage").asString() + "|@: "
                + colour(outcome) + "   evaluated " + decision.path("evaluatedAt").asString("")));
        // Columns as wide as their longest value (observed values such as "2 of 2 PASS, latest PASS
        // 0m ago" vary a lot), so the reason column starts at one place on every line.
        int name = width(decision, "name", "CRITERION");
        int observed = width(decision, "observed", "OBSERVED");
        int threshold = width(decision, "threshold", "THRESHOLD");
        String row = "    %-8s %-" + name + "s %-" + observed + "s %-" + threshold + "s %s";
        out.println(String.format(row, "STATUS", "CRITERION", "OBSERVED", "THRESHOLD", "REASON"));
        for (JsonNode c : decision.path("criteria")) {
            String status = c.path("status").asString();
            out.println(Ansi.AUTO.string(String.format(row,
                    "@|" + style(status) + " " + status + "|@" + " ".repeat(Math.max(0, 8 - status.length())),
                    c.path("name").asString(), text(c.path("observed")), text(c.path("threshold")),
                    c.path("reason").asString(""))));
        }
        if (!decision.path("missing").isEmpty()) {
            out.println("    still missing: " + join(decision.path("missing")));
        }
        if (!decision.path("nextChangeAt").isNull() && !decision.path("nextChangeAt").isMissingNode()) {
            out.println("    may change by itself at " + decision.path("nextChangeAt").asString());
        }
    }

    private static int width(JsonNode decision, String field, String heading) {
        int widest = heading.length();
        for (JsonNode c : decision.path("criteria")) {
            widest = Math.max(widest, text(c.path(field)).length());
        }
        return widest;
    }

    private static String colour(String outcome) {
        return "@|" + style(outcome) + ",bold " + outcome + "|@";
    }

    private static String style(String status) {
        return switch (status) {
            case "GO", "PASS", "WAIVED" -> "green";
            case "NO_GO", "FAIL" -> "red";
            default -> "yellow";
        };
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "-" : node.asString();
    }

    private static String join(JsonNode array) {
        StringBuilder text = new StringBuilder();
        array.forEach(item -> text.append(text.isEmpty() ? "" : ", ").append(item.asString()));
        return text.toString();
    }
}
