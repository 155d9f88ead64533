package dev.greenlight.registry.application;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

import dev.greenlight.registry.domain.AvroSchemaText;
import dev.greenlight.registry.domain.CompatibilityLevel;
import dev.greenlight.registry.domain.Registration;
import dev.greenlight.registry.domain.RegistryState;
import dev.greenlight.registry.domain.SchemaVersion;
import dev.greenlight.registry.domain.VersionId;
import dev.greenlight.registry.kafka.SchemasTopicStore;

/**
 * The registry's use cases. Every write is plan, store, then apply under one write lock: the
 * in-memory state only ever shows what the topic has acknowledged, and one writer at a time means
 * ids and version numbers cannot be handed out twice. Reads share a read lock.
 */
@Service
public class SchemaRegistryService {

    private final SchemasTopicStore store;
    private final RegistryState state = new RegistryState();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean loaded;

    SchemaRegistryService(SchemasTopicStore store) {
        this.store = store;
    }

    /** Rebuilds the state from the topic; the registry serves nothing before this returns. */
    public long load() {
        lock.writeLock().lock();
        try {
            store.ensureTopic();
            long records = store.replayInto(state);
            loaded = true;
            return records;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean isLoaded() {
        return loaded;
    }

    public SchemaVersion register(String subject, AvroSchemaText schema) {
        return write(() -> {
            Registration registration = state.planRegistration(subject, schema);
            if (registration.created()) {
                store.append(List.of(registration.version()));
                state.apply(registration.version());
            }
            return registration.version();
        });
    }

    public List<Integer> deleteSubject(String subject) {
        return write(() -> {
            List<SchemaVersion> deleted = state.planSubjectDeletion(subject);
            store.append(deleted);
            deleted.forEach(state::apply);
            return deleted.stream().map(SchemaVersion::version).toList();
        });
    }

    /** @param subject {@code null} for the global level */
    public CompatibilityLevel setLevel(String subject, CompatibilityLevel level) {
        return write(() -> {
            store.appendLevel(subject, level);
            state.applyLevel(subject, level);
            return level;
        });
    }

    public SchemaVersion lookup(String subject, AvroSchemaText schema) {
        return read(s -> s.lookup(subject, schema));
    }

    public String schemaById(int id) {
        return read(s -> s.schemaById(id));
    }

    public List<String> subjects(boolean includeDeleted) {
        return read(s -> s.subjects(includeDeleted));
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        return read(s -> s.versions(subject, includeDeleted));
    }

    public SchemaVersion version(String subject, VersionId version, boolean includeDeleted) {
        return read(s -> s.version(subject, version, includeDeleted));
    }

    public List<String> checkCompatibility(String subject, VersionId version, AvroSchemaText schema) {
        return read(s -> s.checkCompatibility(subject, version, schema));
    }

    public CompatibilityLevel globalLevel() {
        return read(RegistryState::globalLevel);
    }

    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        return read(s -> s.subjectLevel(subject));
    }

    private <T> T read(Function<RegistryState, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> command) {
        lock.writeLock().lock();
        try {
            return command.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
