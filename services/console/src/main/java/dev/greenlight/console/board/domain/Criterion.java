package dev.greenlight.console.board.domain;

import java.util.List;

/** One criterion of a stage's verdict, as the gate recorded it. */
public record Criterion(String name, String kind, String status, boolean blocking, String observed,
        String threshold, String reason, List<String> evidenceIds) {

    public Criterion {
        evidenceIds = List.copyOf(evidenceIds);
    }

    /** Whether a waiver let this criterion through. */
    public boolean waived() {
        return "WAIVED".equals(status);
    }
}
