package dev.greenlight.registry.domain;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Applies a {@link CompatibilityLevel} with Avro's own resolution rules
 * ({@link SchemaCompatibility}), so "compatible" means exactly "Avro can decode it".
 */
final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * @param previous live versions, oldest first; non-transitive levels look at the last only
     * @return human-readable incompatibilities; empty when compatible
     */
    static List<String> check(CompatibilityLevel level, Schema candidate, List<SchemaVersion> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<SchemaVersion> against = level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
        List<String> messages = new ArrayList<>();
        for (SchemaVersion old : against) {
            Schema oldSchema = new Schema.Parser().parse(old.schema());
            if (level.newReadsOld()) {
                messages.addAll(incompatibilities(candidate, oldSchema, old, level,
                        "the new schema cannot read data written with version " + old.version()));
            }
            if (level.oldReadsNew()) {
                messages.addAll(incompatibilities(oldSchema, candidate, old, level,
                        "readers of version " + old.version() + " cannot read data written with the new schema"));
            }
        }
        return messages;
    }

    /** One message per problem, shaped like Confluent's verbose output so operators recognise it. */
    private static List<String> incompatibilities(Schema reader, Schema writer, SchemaVersion old,
            CompatibilityLevel level, String direction) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            messages.add("{errorType:'%s', description:'%s: %s', location:'%s'}, {oldSchemaVersion: %d}, {compatibility: '%s'}"
                    .formatted(incompatibility.getType(), direction, incompatibility.getMessage(),
                            incompatibility.getLocation(), old.version(), level));
        }
        return messages;
    }
}
