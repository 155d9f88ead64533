package dev.greenlight.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Guards the BACKWARD compatibility promise of the event contracts against the committed baseline
 * (the schemas of the previous release, see baseline/README.md).
 */
class SchemaCompatibilityTest {

    private static final Path BASELINE = SchemaDirectory.moduleDir().resolve("baseline");
    private static final Path CURRENT = SchemaDirectory.moduleDir().resolve("avro");
    private static final String RELEASE_REGISTERED = "dev.greenlight.events.ReleaseRegistered";

    @Test
    void currentSchemasCanReadEverythingWrittenWithTheBaseline() {
        Map<String, Schema> baseline = SchemaDirectory.load(BASELINE);

        assertThat(baseline).as("baseline must not be empty, or the check proves nothing").isNotEmpty();
        assertThat(BackwardCompatibility.problems(baseline, SchemaDirectory.load(CURRENT))).isEmpty();
    }

    @Test
    void addingAFieldWithoutDefaultIsReportedWithTheSchemaName() {
        Map<String, Schema> current = new HashMap<>(SchemaDirectory.load(CURRENT));
        Schema original = current.get(RELEASE_REGISTERED);
        List<Schema.Field> fields = copyFields(original);
        fields.add(new Schema.Field("riskOwner", Schema.create(Schema.Type.STRING), "who owns the risk"));
        current.put(RELEASE_REGISTERED, withFields(original, fields));

        List<String> problems = BackwardCompatibility.problems(SchemaDirectory.load(BASELINE), current);

        assertThat(problems).singleElement().asString()
                .startsWith(RELEASE_REGISTERED)
                .contains("READER_FIELD_MISSING_DEFAULT")
                .contains("riskOwner");
    }

    @Test
    void changingAFieldTypeIsReportedWithTheSchemaName() {
        Map<String, Schema> current = new HashMap<>(SchemaDirectory.load(CURRENT));
        Schema original = current.get(RELEASE_REGISTERED);
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : original.getFields()) {
            Schema type = field.name().equals("revision") ? Schema.create(Schema.Type.LONG) : field.schema();
            fields.add(new Schema.Field(field, type));
        }
        current.put(RELEASE_REGISTERED, withFields(original, fields));

        List<String> problems = BackwardCompatibility.problems(SchemaDirectory.load(BASELINE), current);

        assertThat(problems).singleElement().asString()
                .startsWith(RELEASE_REGISTERED)
                .contains("TYPE_MISMATCH")
                .contains("/fields/4/type");
    }

    @Test
    void removingASchemaIsReported() {
        Map<String, Schema> current = new HashMap<>(SchemaDirectory.load(CURRENT));
        current.remove("dev.greenlight.events.AlertResolved");

        List<String> problems = BackwardCompatibility.problems(SchemaDirectory.load(BASELINE), current);

        assertThat(problems).singleElement().asString()
                .startsWith("dev.greenlight.events.AlertResolved: removed");
    }

    private static List<Schema.Field> copyFields(Schema record) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        return fields;
    }

    private static Schema withFields(Schema original, List<Schema.Field> fields) {
        return Schema.createRecord(original.getName(), original.getDoc(), original.getNamespace(), false, fields);
    }
}
