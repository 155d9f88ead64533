package dev.greenlight.registry.kafka;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.greenlight.registry.domain.CompatibilityLevel;
import dev.greenlight.registry.domain.SchemaVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confluent's {@code _schemas} record format, so the topic reads like a real registry's. Keys are
 * compared byte-for-byte by log compaction, hence the fixed property order and explicit nulls:
 * the same logical key must always serialise to the same bytes.
 */
final class StoreRecords {

    static final String SCHEMA = "SCHEMA";
    static final String CONFIG = "CONFIG";

    private final JsonMapper mapper = JsonMapper.builder().build();

    byte[] schemaKey(SchemaVersion version) {
        return mapper.writeValueAsBytes(new SchemaKey(SCHEMA, version.subject(), version.version(), 1));
    }

    byte[] schemaValue(SchemaVersion version) {
        return mapper.writeValueAsBytes(new SchemaValue(version.subject(), version.version(), version.id(),
                version.schema(), version.deleted()));
    }

    byte[] configKey(String subject) {
        return mapper.writeValueAsBytes(new ConfigKey(CONFIG, subject, 0));
    }

    byte[] configValue(CompatibilityLevel level) {
        return mapper.writeValueAsBytes(new ConfigValue(level.name()));
    }

    /** The key's type; records of other types (NOOP, MODE, ...) are skipped by the reader. */
    String keyType(byte[] key) {
        JsonNode node = mapper.readTree(key);
        return node.path("keytype").asString("");
    }

    Optional<SchemaVersion> schema(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        SchemaValue v = mapper.readValue(value, SchemaValue.class);
        return Optional.of(new SchemaVersion(v.subject(), v.version(), v.id(), v.schema(), v.deleted()));
    }

    /** The config's subject, {@code null} for the global level. */
    String configSubject(byte[] key) {
        return mapper.readValue(key, ConfigKey.class).subject();
    }

    Optional<CompatibilityLevel> config(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(CompatibilityLevel.parse(mapper.readValue(value, ConfigValue.class).compatibilityLevel()));
    }

    @JsonPropertyOrder({"keytype", "subject", "version", "magic"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemaKey(String keytype, String subject, int version, int magic) {
    }

    @JsonPropertyOrder({"subject", "version", "id", "schema", "deleted"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemaValue(String subject, int version, int id, String schema, boolean deleted) {
    }

    @JsonPropertyOrder({"keytype", "subject", "magic"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigKey(String keytype, String subject, int magic) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigValue(String compatibilityLevel) {
    }
}
