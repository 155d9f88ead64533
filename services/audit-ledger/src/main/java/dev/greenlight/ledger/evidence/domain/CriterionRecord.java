package dev.greenlight.ledger.evidence.domain;

/**
 * One criterion of a recorded decision, verbatim from {@code GateDecided}. The RL playbook asks for
 * PASS/FAIL/WARN; the recorded status may also be PENDING (evidence still missing) or WAIVED, and is
 * reported as recorded rather than squeezed into three values.
 */
public record CriterionRecord(String name, String kind, String status, boolean blocking, String observed,
        String threshold, String reason) {
}
