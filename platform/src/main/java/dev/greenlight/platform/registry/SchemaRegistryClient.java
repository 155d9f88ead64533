package dev.greenlight.platform.registry;

import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.Schema;

/**
 * The few schema registry operations the Confluent wire format needs. An interface so the serde can
 * run against the REST registry in services and against an in-memory registry in unit tests.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} (a no-op returning the existing id when it is
     * already registered there).
     *
     * @return the registry-wide id of the schema
     * @throws SchemaRegistryException when the registry refuses, e.g. an incompatible schema
     */
    int register(String subject, Schema schema);

    /**
     * Looks up the id of a schema already registered under {@code subject}, without registering.
     *
     * @return the id, or empty when the subject or the schema under it does not exist
     */
    OptionalInt getId(String subject, Schema schema);

    /**
     * @throws SchemaRegistryException (error code 40403) when no schema has this id
     */
    Schema getSchemaById(int id);

    /** The latest version registered under {@code subject}, or empty when the subject does not exist. */
    Optional<RegisteredSchema> getLatest(String subject);
}
