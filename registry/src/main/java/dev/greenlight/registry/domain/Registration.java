package dev.greenlight.registry.domain;

/**
 * Outcome of planning a registration: either the subject already holds the schema
 * ({@code created == false}, nothing to store) or a new version that must be stored first.
 */
public record Registration(SchemaVersion version, boolean created) {
}
