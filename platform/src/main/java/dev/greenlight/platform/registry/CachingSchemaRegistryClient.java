package dev.greenlight.platform.registry;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Keeps the serde off the network: a schema id never changes meaning and a (subject, schema) pair
 * never changes id, so both lookups are cached forever after the first answer. Only positive answers
 * are cached — a schema not yet registered may be registered a moment later. {@link #getLatest} is
 * not cached because "latest" moves.
 *
 * <p>Concurrent misses may both reach the registry; the calls are idempotent and the answers equal,
 * which is cheaper than holding a lock across an HTTP call.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final SchemaRegistryClient delegate;
    private final Map<SubjectSchema, Integer> idBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = delegate.register(subject, schema);
        remember(key, id);
        return id;
    }

    @Override
    public OptionalInt getId(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idBySubjectSchema.get(key);
        if (cached != null) {
            return OptionalInt.of(cached);
        }
        OptionalInt id = delegate.getId(subject, schema);
        id.ifPresent(value -> remember(key, value));
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemaById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = delegate.getSchemaById(id);
        Schema raced = schemaById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public Optional<RegisteredSchema> getLatest(String subject) {
        return delegate.getLatest(subject);
    }

    private void remember(SubjectSchema key, int id) {
        idBySubjectSchema.putIfAbsent(key, id);
        schemaById.putIfAbsent(id, key.schema());
    }

    @Override
    public String toString() {
        return "Caching(" + delegate + ")";
    }
}
