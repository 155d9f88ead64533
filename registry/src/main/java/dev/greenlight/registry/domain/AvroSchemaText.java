package dev.greenlight.registry.domain;

import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/**
 * A parsed Avro schema plus its canonical text. Identity rule: two submissions are the same
 * schema when Avro prints them identically after parsing ({@link Schema#toString()}), i.e. after
 * whitespace, attribute order and shorthand (e.g. {@code "string"} vs {@code {"type":"string"}})
 * are normalised, while docs, defaults, aliases and custom properties still count. That is what
 * Confluent compares by default (its Avro "canonical string"), so ids match what clients expect,
 * and it is stricter than the parsing canonical form, which would merge schemas whose defaults
 * differ and therefore decode differently.
 */
public record AvroSchemaText(Schema schema, String canonical) {

    /** Parses submitted schema text; anything Avro rejects is a Confluent 42201. */
    public static AvroSchemaText parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        try {
            Schema schema = new Schema.Parser().parse(text);
            return new AvroSchemaText(schema, schema.toString());
        } catch (AvroRuntimeException | IllegalArgumentException e) {
            // SchemaParseException and AvroTypeException (bad defaults) are both AvroRuntimeExceptions.
            throw new InvalidSchemaException("Invalid schema: " + e.getMessage());
        }
    }
}
