package dev.greenlight.cli.demo;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a stage decision of the gate's release view the way the narration tells it: what is still
 * unmet, and the outcome in its colour.
 */
final class GateViews {

    private GateViews() {
    }

    /** Criteria that do not (yet) pass, as {@code name STATUS}: what the runbook still waits for. */
    static List<String> unmet(JsonNode decision) {
        List<String> unmet = new ArrayList<>();
        for (JsonNode criterion : unmetCriteria(decision)) {
            unmet.add(criterion.path("name").asString() + " " + criterion.path("status").asString());
        }
        return unmet;
    }

    /** The names of {@link #unmet} criteria. */
    static List<String> unmetNames(JsonNode decision) {
        return unmetCriteria(decision).stream().map(criterion -> criterion.path("name").asString()).toList();
    }

    /** The outcome in picocli markup: GO green, NO_GO red, HOLD yellow. */
    static String outcomeMarkup(String outcome) {
        String colour = switch (outcome) {
            case "GO" -> "green";
            case "NO_GO" -> "red";
            default -> "yellow";
        };
        return "@|" + colour + ",bold " + outcome + "|@";
    }

    private static List<JsonNode> unmetCriteria(JsonNode decision) {
        List<JsonNode> unmet = new ArrayList<>();
        for (JsonNode criterion : decision.path("criteria")) {
            String status = criterion.path("status").asString();
            // A waived criterion is met: someone with the authority accepted it, with a rationale.
            if (!"PASS".equals(status) && !"WAIVED".equals(status)) {
                unmet.add(criterion);
            }
        }
        return unmet;
    }
}
