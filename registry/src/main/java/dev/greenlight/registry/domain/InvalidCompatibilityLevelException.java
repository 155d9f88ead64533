package dev.greenlight.registry.domain;

/** Confluent 42203: an unknown compatibility level name. */
public final class InvalidCompatibilityLevelException extends RegistryException {

    public InvalidCompatibilityLevelException(String level) {
        super(42203, "Invalid compatibility level '" + level + "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }
}
