package dev.greenlight.policy.engine;

/** Which policy document a decision came from, so it can be reproduced. */
public record PolicyRef(String name, String version, String contentHash) {
}
