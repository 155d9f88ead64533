package dev.greenlight.ledger.replay.application;

/** What replaying one recorded gate decision showed. */
public enum ReplayStatus {
    /** Re-evaluation produced the recorded event, byte for byte. */
    REPRODUCED,
    /** Re-evaluation produced a different event: the record does not follow from its evidence and policy. */
    MISMATCH,
    /** The ledger lacks what re-evaluation needs (the policy document, the registration, cited evidence). */
    UNREPLAYABLE
}
