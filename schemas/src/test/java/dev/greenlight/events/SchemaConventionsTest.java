package dev.greenlight.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * The schemas are the contract every team codes against, so the conventions of docs/events.md are
 * enforced here rather than left to review.
 */
class SchemaConventionsTest {

    private static final Path CURRENT = SchemaDirectory.moduleDir().resolve("avro");
    private static final Map<String, Schema> TYPES = SchemaDirectory.load(CURRENT);

    @Test
    void everyTypeAndFieldIsDocumentedInTheEventsNamespace() {
        List<String> undocumented = new ArrayList<>();
        TYPES.forEach((name, schema) -> {
            if (isBlank(schema.getDoc())) {
                undocumented.add(name);
            }
            if (schema.getType() == Schema.Type.RECORD) {
                schema.getFields().stream()
                        .filter(field -> isBlank(field.doc()))
                        .forEach(field -> undocumented.add(name + "." + field.name()));
            }
        });

        assertThat(TYPES.values()).allSatisfy(schema ->
                assertThat(schema.getNamespace()).isEqualTo("dev.greenlight.events"));
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyEventStartsWithMetadataAndIsKeyedByTarget() {
        List<String> events = SchemaDirectory.topLevelNames(CURRENT);

        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(name -> {
            Schema event = TYPES.get(name);
            assertThat(event.getType()).as(name).isEqualTo(Schema.Type.RECORD);
            assertThat(event.getFields().get(0).name()).as(name + " first field").isEqualTo("meta");
            assertThat(event.getFields().get(0).schema().getFullName()).as(name + ".meta")
                    .isEqualTo(EventMetadata.getClassSchema().getFullName());
            assertThat(event.getField("target")).as(name + ".target").isNotNull();
            assertThat(event.getField("target").schema().getType()).as(name + ".target")
                    .isEqualTo(Schema.Type.STRING);
        });
    }

    @Test
    void optionalFieldsAreNullFirstUnionsDefaultingToNull() {
        List<Schema.Field> optional = TYPES.values().stream()
                .filter(schema -> schema.getType() == Schema.Type.RECORD)
                .flatMap(schema -> schema.getFields().stream())
                .filter(field -> field.schema().isUnion())
                .toList();

        assertThat(optional).isNotEmpty().allSatisfy(field -> {
            assertThat(field.schema().getTypes()).as(field.name()).hasSize(2);
            assertThat(field.schema().getTypes().get(0).getType()).as(field.name()).isEqualTo(Schema.Type.NULL);
            assertThat(field.defaultVal()).as(field.name()).isEqualTo(JsonProperties.NULL_VALUE);
        });
    }

    /** Catches a stale build: a generated class that no longer matches its file would mislead every service. */
    @Test
    void generatedClassesMatchTheSchemaFiles() throws ClassNotFoundException {
        for (Map.Entry<String, Schema> type : TYPES.entrySet()) {
            Class<?> generated = Class.forName(type.getKey());

            assertThat(withoutJavaStringHints(SpecificData.get().getSchema(generated))).as(type.getKey())
                    .isEqualTo(type.getValue().toString());
        }
    }

    /** The compiler adds avro.java.string hints for stringType=String; they are not part of the contract. */
    private static String withoutJavaStringHints(Schema schema) {
        return schema.toString()
                .replace(",\"avro.java.string\":\"String\"", "")
                .replace("{\"type\":\"string\"}", "\"string\"");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
