package dev.greenlight.registry.domain;

/** Confluent 40403: no such schema id, or the schema is not registered under the subject. */
public final class SchemaNotFoundException extends RegistryException {

    public SchemaNotFoundException(String detail) {
        super(40403, detail);
    }
}
