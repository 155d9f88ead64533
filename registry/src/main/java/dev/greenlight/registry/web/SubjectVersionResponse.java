package dev.greenlight.registry.web;

import dev.greenlight.registry.domain.SchemaVersion;

/** A subject's version as Confluent shows it; schemaType is omitted because it is always AVRO. */
record SubjectVersionResponse(String subject, int id, int version, String schema) {

    static SubjectVersionResponse of(SchemaVersion version) {
        return new SubjectVersionResponse(version.subject(), version.id(), version.version(), version.schema());
    }
}
