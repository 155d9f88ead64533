package dev.greenlight.registry.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.greenlight.registry.domain.AvroSchemaText;
import dev.greenlight.registry.domain.InvalidSchemaException;

/**
 * Body of register, lookup and compatibility requests. Newer Confluent clients send more fields
 * (metadata, ruleSet, ...); they are ignored rather than rejected so those clients still work.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SchemaRequest(String schema, String schemaType, List<Object> references) {

    private static final String AVRO = "AVRO";

    /** Only Avro without references is served; anything else is an invalid schema (42201). */
    AvroSchemaText avro() {
        if (schemaType != null && !AVRO.equalsIgnoreCase(schemaType)) {
            throw new InvalidSchemaException("Unsupported schema type " + schemaType + ": this registry serves AVRO only");
        }
        if (references != null && !references.isEmpty()) {
            throw new InvalidSchemaException("Schema references are not supported by this registry");
        }
        return AvroSchemaText.parse(schema);
    }
}
