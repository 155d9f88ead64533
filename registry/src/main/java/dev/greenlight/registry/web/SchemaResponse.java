package dev.greenlight.registry.web;

/** A schema by id; schemaType is omitted because it is always AVRO (as Confluent omits it). */
record SchemaResponse(String schema) {
}
