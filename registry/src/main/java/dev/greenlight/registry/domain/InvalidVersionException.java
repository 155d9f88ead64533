package dev.greenlight.registry.domain;

/** Confluent 42202: the version path segment is neither a positive int, -1, nor {@code latest}. */
public final class InvalidVersionException extends RegistryException {

    public InvalidVersionException(String version) {
        super(42202, "The specified version '" + version + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }
}
