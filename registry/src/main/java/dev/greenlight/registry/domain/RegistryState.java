package dev.greenlight.registry.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's whole state, rebuilt from the {@code _schemas} log. Writes are two-phase so the
 * log stays the source of truth: a {@code plan...} method validates and returns the records to
 * store without changing anything, and only after the store acknowledged them does the caller
 * {@code apply} them. Not thread-safe: the caller serialises access.
 */
public final class RegistryState {

    private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
    private int maxId;

    // ---- applying stored records (startup replay and acknowledged writes)

    public void apply(SchemaVersion version) {
        subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
        schemasById.putIfAbsent(version.id(), version.schema());
        idsBySchema.putIfAbsent(version.schema(), version.id());
        // Deleted versions still count: ids must never be handed out twice.
        maxId = Math.max(maxId, version.id());
    }

    /** @param subject {@code null} for the global level */
    public void applyLevel(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else {
            subjectLevels.put(subject, level);
        }
    }

    // ---- planning writes

    /**
     * Plans registering {@code schema} under {@code subject}: the existing version when the
     * subject already has it live, otherwise a new version (reusing the schema's global id if any
     * subject ever registered it) after checking the subject's compatibility level.
     */
    public Registration planRegistration(String subject, AvroSchemaText schema) {
        List<SchemaVersion> live = liveVersions(subject);
        for (SchemaVersion version : live) {
            if (version.schema().equals(schema.canonical())) {
                return new Registration(version, false);
            }
        }
        CompatibilityLevel level = effectiveLevel(subject);
        List<String> problems = CompatibilityChecker.check(level, schema.schema(), live);
        if (!problems.isEmpty()) {
            throw new IncompatibleSchemaException("Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\", details: " + problems);
        }
        int id = idsBySchema.getOrDefault(schema.canonical(), maxId + 1);
        NavigableMap<Integer, SchemaVersion> all = subjects.get(subject);
        // Numbering continues after soft-deleted versions, as in Confluent.
        int next = all == null || all.isEmpty() ? 1 : all.lastKey() + 1;
        return new Registration(new SchemaVersion(subject, next, id, schema.canonical(), false), true);
    }

    /** Plans a soft delete of every live version of the subject; returns the records to store. */
    public List<SchemaVersion> planSubjectDeletion(String subject) {
        List<SchemaVersion> live = requireLiveVersions(subject);
        return live.stream().map(SchemaVersion::softDeleted).toList();
    }

    // ---- queries

    public SchemaVersion lookup(String subject, AvroSchemaText schema) {
        return requireLiveVersions(subject).stream()
                .filter(version -> version.schema().equals(schema.canonical()))
                .findFirst()
                .orElseThrow(() -> new SchemaNotFoundException("Schema not found"));
    }

    /** Resolves any id ever issued, including soft-deleted ones: old data must stay readable. */
    public String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException("Schema " + id + " not found");
        }
        return schema;
    }

    public List<String> subjects(boolean includeDeleted) {
        return subjects.keySet().stream()
                .filter(subject -> includeDeleted || !liveVersions(subject).isEmpty())
                .toList();
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        return versionsOf(subject, includeDeleted).stream().map(SchemaVersion::version).toList();
    }

    public SchemaVersion version(String subject, VersionId versionId, boolean includeDeleted) {
        List<SchemaVersion> candidates = versionsOf(subject, includeDeleted);
        if (versionId.isLatest()) {
            return candidates.get(candidates.size() - 1);
        }
        return candidates.stream()
                .filter(version -> version.version() == versionId.number())
                .findFirst()
                .orElseThrow(() -> new VersionNotFoundException(subject, versionId.number()));
    }

    /**
     * Checks {@code schema} against one version under the subject's level; "latest" means "as
     * registration would check", i.e. against all live versions for transitive levels.
     *
     * @return incompatibilities; empty when compatible
     */
    public List<String> checkCompatibility(String subject, VersionId versionId, AvroSchemaText schema) {
        CompatibilityLevel level = effectiveLevel(subject);
        List<SchemaVersion> against = versionId.isLatest()
                ? requireLiveVersions(subject)
                : List.of(version(subject, versionId, false));
        return CompatibilityChecker.check(level, schema.schema(), against);
    }

    public CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<SchemaVersion> versionsOf(String subject, boolean includeDeleted) {
        if (!includeDeleted) {
            return requireLiveVersions(subject);
        }
        NavigableMap<Integer, SchemaVersion> all = subjects.get(subject);
        if (all == null || all.isEmpty()) {
            throw new SubjectNotFoundException(subject);
        }
        return List.copyOf(all.values());
    }

    private List<SchemaVersion> requireLiveVersions(String subject) {
        List<SchemaVersion> live = liveVersions(subject);
        if (live.isEmpty()) {
            throw new SubjectNotFoundException(subject);
        }
        return live;
    }

    private List<SchemaVersion> liveVersions(String subject) {
        NavigableMap<Integer, SchemaVersion> all = subjects.get(subject);
        if (all == null) {
            return List.of();
        }
        List<SchemaVersion> live = new ArrayList<>();
        for (SchemaVersion version : all.values()) {
            if (!version.deleted()) {
                live.add(version);
            }
        }
        return live;
    }
}
