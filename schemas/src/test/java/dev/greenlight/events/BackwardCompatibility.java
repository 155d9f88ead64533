package dev.greenlight.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The BACKWARD rule the schema registry enforces, applied at build time: consumers built with the
 * current schemas must be able to read every event already written with the previous release's
 * schemas (the event-sourced topics keep those forever). Checking here means an incompatible edit
 * fails the build instead of failing registration, or worse, a replay, in production.
 */
final class BackwardCompatibility {

    private BackwardCompatibility() {
    }

    /**
     * Compares every baseline type with the current type of the same full name, using Avro's own
     * resolution rules (reader = current, writer = baseline).
     *
     * @return one human-readable problem per incompatible or removed type, empty when compatible
     */
    static List<String> problems(Map<String, Schema> baseline, Map<String, Schema> current) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(baseline).forEach((name, writer) -> {
            Schema reader = current.get(name);
            if (reader == null) {
                problems.add(name + ": removed, but events written with it still exist; keep the schema"
                        + " (deprecate it in its doc) instead of deleting it");
                return;
            }
            SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(name + ": current schema cannot read data written with the baseline: "
                        + describe(result.getResult().getIncompatibilities()));
            }
        });
        return problems;
    }

    private static String describe(List<Incompatibility> incompatibilities) {
        return incompatibilities.stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .collect(Collectors.joining("; "));
    }
}
