package dev.greenlight.gate.integration.domain;

import java.time.Instant;
import java.util.List;

/**
 * A recorded gate decision as the verdict needs it, free of the Avro type: the stage decision
 * ({@code checkpoint} null) or a monitoring checkpoint's decision within one entry of the stage
 * ({@code stageStartedAt}).
 *
 * @param reasons the reasons of the criteria that did not pass, blocking ones first, then what is missing
 */
public record StageRecord(String stage, String checkpoint, Instant stageStartedAt, String outcome, String decisionId,
                          List<String> reasons) {

    public StageRecord {
        reasons = List.copyOf(reasons);
    }
}
