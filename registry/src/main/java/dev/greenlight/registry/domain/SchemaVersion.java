package dev.greenlight.registry.domain;

/**
 * One version of a subject: the unit stored in the {@code _schemas} topic. {@code schema} is the
 * canonical text (see {@link AvroSchemaText}); soft deletion flips {@code deleted} and never
 * removes the record, so the id stays resolvable for replaying old data.
 */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {

    public SchemaVersion softDeleted() {
        return new SchemaVersion(subject, version, id, schema, true);
    }
}
