package dev.greenlight.platform.testing;

import dev.greenlight.platform.registry.RegisteredSchema;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.Schema;

/**
 * A schema registry in a map, for unit tests that need the wire format without an HTTP server.
 * Behaves like Confluent's where tests can tell: ids start at 1, the same schema gets the same id
 * in every subject, and unknown ids fail with error code 40403.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<Schema, Integer> idBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemaById = new HashMap<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idBySchema.computeIfAbsent(schema, s -> {
            int next = schemaById.size() + 1;
            schemaById.put(next, s);
            return next;
        });
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized OptionalInt getId(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.getOrDefault(subject, List.of());
        return versions.contains(schema) ? OptionalInt.of(idBySchema.get(schema)) : OptionalInt.empty();
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemaById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized Optional<RegisteredSchema> getLatest(String subject) {
        List<Schema> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Schema latest = versions.get(versions.size() - 1);
        return Optional.of(new RegisteredSchema(subject, idBySchema.get(latest), versions.size(), latest));
    }

    /** Subjects registered so far, for asserting which subject a serializer used. */
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }
}
