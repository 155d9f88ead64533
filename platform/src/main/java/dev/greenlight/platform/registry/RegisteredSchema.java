package dev.greenlight.platform.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject, as the registry reports it.
 *
 * @param subject the subject, e.g. {@code greenlight.checks-value}
 * @param id      the registry-wide schema id written into every message
 * @param version the version of the schema within the subject, from 1
 * @param schema  the parsed schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
}
