package dev.greenlight.rollout.domain;

/** A command the state machine refuses; the state is unchanged and nothing is emitted. */
public class RolloutRefusedException extends RuntimeException {

    private final RefusalReason reason;

    public RolloutRefusedException(RefusalReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }
}
