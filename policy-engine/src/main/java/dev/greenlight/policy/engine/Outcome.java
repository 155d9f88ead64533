package dev.greenlight.policy.engine;

/** The gate's verdict: GO, NO_GO (a blocking criterion failed) or HOLD (something still pending). */
public enum Outcome {
    GO, NO_GO, HOLD
}
