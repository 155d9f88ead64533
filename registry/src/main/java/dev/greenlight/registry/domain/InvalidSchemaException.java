package dev.greenlight.registry.domain;

/** Confluent 42201: the schema text is not a valid Avro schema, or uses features we do not serve. */
public final class InvalidSchemaException extends RegistryException {

    public InvalidSchemaException(String detail) {
        super(42201, detail);
    }
}
