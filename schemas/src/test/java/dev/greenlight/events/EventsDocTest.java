package dev.greenlight.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md is what people read before publishing an event; a field table that drifted from
 * the schema would send them wrong payloads, so the build compares the two.
 */
class EventsDocTest {

    private static final Path CURRENT = SchemaDirectory.moduleDir().resolve("avro");
    private static final Path DOC = SchemaDirectory.moduleDir().resolveSibling("docs").resolve("events.md");
    private static final Pattern FIELD_ROW = Pattern.compile("^\\| `([A-Za-z0-9_]+)` \\|");

    @Test
    void everyEventHasASectionListingExactlyItsFieldsInOrder() throws IOException {
        List<String> doc = Files.readAllLines(DOC);
        Map<String, Schema> types = SchemaDirectory.load(CURRENT);

        assertThat(SchemaDirectory.topLevelNames(CURRENT)).isNotEmpty().allSatisfy(fullName -> {
            Schema event = types.get(fullName);
            List<String> expected = event.getFields().stream().map(Schema.Field::name).toList();

            assertThat(documentedFields(doc, event.getName())).as("fields documented for " + event.getName())
                    .containsExactlyElementsOf(expected);
        });
    }

    /** Field names of the first table under "### name", before any inline type's table. */
    private static List<String> documentedFields(List<String> doc, String name) {
        int heading = doc.indexOf("### " + name);
        List<String> fields = new ArrayList<>();
        if (heading < 0) {
            return fields;
        }
        boolean inTable = false;
        for (String line : doc.subList(heading + 1, doc.size())) {
            Matcher row = FIELD_ROW.matcher(line);
            if (row.find()) {
                inTable = true;
                fields.add(row.group(1));
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        return fields;
    }
}
