package dev.greenlight.evidence;

import dev.greenlight.events.CheckReported;
import dev.greenlight.policy.evidence.DetailValues;
import java.util.Map;

/**
 * A check event's details as the engine reads them: {@code structuredDetails} when the event has
 * it (every detail, typed), else the numeric {@code details} of events written before it existed.
 * One rule for the gate, the rollout controller's guards and the ledger's replay, so a recorded
 * decision replays on the values it was computed from.
 */
public final class CheckDetailsFold {

    private CheckDetailsFold() {
    }

    public static Map<String, Object> of(CheckReported event) {
        Map<String, Object> structured = event.getStructuredDetails();
        if (structured != null) {
            return DetailValues.copyOf(structured);
        }
        return DetailValues.copyOf(event.getDetails() == null ? Map.of() : event.getDetails());
    }
}
