package dev.greenlight.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegistryStateTest {

    private static final String V1 = record("""
            {"name":"id","type":"string"}""");
    /** V1 plus an optional field: readable both ways. */
    private static final String V2 = record("""
            {"name":"id","type":"string"},{"name":"note","type":"string","default":""}""");

    private final RegistryState state = new RegistryState();

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"t\",\"fields\":[" + fields + "]}";
    }

    private SchemaVersion register(String subject, String schema) {
        Registration registration = state.planRegistration(subject, AvroSchemaText.parse(schema));
        if (registration.created()) {
            state.apply(registration.version());
        }
        return registration.version();
    }

    @Test
    void sameSchemaGetsSameIdAcrossSubjectsAndFormatting() {
        SchemaVersion a = register("a-value", V1);
        SchemaVersion b = register("b-value", V1.replace(",", " ,\n "));

        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.version()).isEqualTo(1);
        assertThat(state.subjects(false)).containsExactly("a-value", "b-value");
    }

    @Test
    void differentDefaultsAreDifferentSchemas() {
        SchemaVersion a = register("a-value", V2);
        SchemaVersion b = register("b-value", V2.replace("\"default\":\"\"", "\"default\":\"x\""));

        assertThat(b.id()).isNotEqualTo(a.id());
    }

    @Test
    void reRegisteringReturnsExistingVersionWithoutPlanningAWrite() {
        register("s", V1);

        Registration again = state.planRegistration("s", AvroSchemaText.parse(V1));

        assertThat(again.created()).isFalse();
        assertThat(again.version().version()).isEqualTo(1);
    }

    @Test
    void versionsAndLatest() {
        SchemaVersion first = register("s", V1);
        SchemaVersion second = register("s", V2);

        assertThat(state.versions("s", false)).containsExactly(1, 2);
        assertThat(state.version("s", VersionId.latest(), false)).isEqualTo(second);
        assertThat(state.version("s", VersionId.parse("1"), false)).isEqualTo(first);
        assertThat(second.id()).isEqualTo(first.id() + 1);
        assertThatThrownBy(() -> state.version("s", VersionId.parse("3"), false))
                .isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> state.versions("missing", false)).isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void invalidVersionIds() {
        assertThat(VersionId.parse("-1").isLatest()).isTrue();
        for (String bad : List.of("abc", "0", "-2", "")) {
            assertThatThrownBy(() -> VersionId.parse(bad)).isInstanceOf(InvalidVersionException.class)
                    .extracting(e -> ((RegistryException) e).errorCode()).isEqualTo(42202);
        }
    }

    @Test
    void softDeleteHidesSubjectButKeepsIdsAndNumbering() {
        SchemaVersion first = register("s", V1);
        List<SchemaVersion> deleted = state.planSubjectDeletion("s");
        deleted.forEach(state::apply);

        assertThat(deleted).extracting(SchemaVersion::deleted).containsExactly(true);
        assertThat(state.subjects(false)).isEmpty();
        assertThat(state.subjects(true)).containsExactly("s");
        assertThat(state.versions("s", true)).containsExactly(1);
        assertThatThrownBy(() -> state.versions("s", false)).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> state.lookup("s", AvroSchemaText.parse(V1)))
                .isInstanceOf(SubjectNotFoundException.class);
        assertThat(state.schemaById(first.id())).isEqualTo(first.schema());

        SchemaVersion again = register("s", V1);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.id()).isEqualTo(first.id());

        SchemaVersion fresh = register("t", V2);
        assertThat(fresh.id()).isEqualTo(first.id() + 1);
    }

    @Test
    void lookupDistinguishesMissingSubjectFromMissingSchema() {
        register("s", V1);

        assertThat(state.lookup("s", AvroSchemaText.parse(V1)).version()).isEqualTo(1);
        assertThatThrownBy(() -> state.lookup("s", AvroSchemaText.parse(V2)))
                .isInstanceOf(SchemaNotFoundException.class);
        assertThatThrownBy(() -> state.lookup("other", AvroSchemaText.parse(V1)))
                .isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> state.schemaById(99)).isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void invalidSchemaIs42201() {
        assertThatThrownBy(() -> AvroSchemaText.parse("{\"type\":\"record\",\"name\":\"X\"}"))
                .isInstanceOf(InvalidSchemaException.class);
        assertThatThrownBy(() -> AvroSchemaText.parse("not json")).isInstanceOf(InvalidSchemaException.class);
        assertThatThrownBy(() -> AvroSchemaText.parse(record("{\"name\":\"n\",\"type\":\"int\",\"default\":\"x\"}")))
                .isInstanceOf(InvalidSchemaException.class);
    }

    @Test
    void levelsFallBackToGlobal() {
        assertThat(state.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
        state.applyLevel(null, CompatibilityLevel.FULL);
        state.applyLevel("s", CompatibilityLevel.NONE);

        assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(state.effectiveLevel("t")).isEqualTo(CompatibilityLevel.FULL);
        assertThat(state.subjectLevel("t")).isEmpty();
        assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
                .isInstanceOf(InvalidCompatibilityLevelException.class);
    }
}
