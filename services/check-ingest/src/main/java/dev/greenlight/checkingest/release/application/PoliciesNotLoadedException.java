package dev.greenlight.checkingest.release.application;

/**
 * The policy directory has not finished reading the policies topic, so which policy governs a
 * release (and who may register it) is not known yet: the client is told to retry (503).
 */
public class PoliciesNotLoadedException extends RuntimeException {

    public PoliciesNotLoadedException() {
        super("the policy directory is still loading the policies the gate announced; retry shortly");
    }
}
