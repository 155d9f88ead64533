package dev.greenlight.policy.evidence;

/** Outcome of a check run; ERROR (no verdict) is treated like FAIL by the engine. */
public enum CheckStatus {
    PASS, FAIL, WARN, ERROR;

    public boolean failed() {
        return this == FAIL || this == ERROR;
    }
}
