package dev.greenlight.registry.kafka;

/**
 * The {@code _schemas} topic could not be read or written. Unlike client errors this is the
 * registry's fault, so it maps to Confluent's 50001 (backend store error).
 */
public class SchemaStoreException extends RuntimeException {

    public SchemaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
