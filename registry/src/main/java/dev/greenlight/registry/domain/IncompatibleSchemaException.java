package dev.greenlight.registry.domain;

/** Confluent 409: the schema breaks the subject's compatibility level. */
public final class IncompatibleSchemaException extends RegistryException {

    public IncompatibleSchemaException(String detail) {
        super(409, detail);
    }
}
