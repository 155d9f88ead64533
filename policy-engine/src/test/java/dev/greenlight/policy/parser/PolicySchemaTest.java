package dev.greenlight.policy.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * policy.schema.json is the published contract: every key and kind the shipped policies use must
 * be one the schema lists, and every kind the parser accepts must be in the schema.
 */
class PolicySchemaTest {

    private static final Path POLICIES = Path.of("").toAbsolutePath().getParent().resolve("policies");
    private static JsonNode schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = PolicySchemaTest.class.getResourceAsStream("/policy.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new HashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> criterionKeys(String kind) {
        Set<String> keys = names(schema.at("/$defs/common/properties"));
        for (JsonNode option : schema.at("/$defs/criterion/oneOf")) {
            if (option.at("/properties/kind/const").asText().equals(kind)) {
                keys.addAll(names(option.get("properties")));
            }
        }
        return keys;
    }

    @Test
    void schemaListsExactlyTheKindsTheParserAccepts() {
        List<String> kinds = new ArrayList<>();
        schema.at("/$defs/common/properties/kind/enum").forEach(kind -> kinds.add(kind.asText()));

        assertThat(kinds).containsExactlyElementsOf(CriterionReader.KINDS);
    }

    @Test
    void everyShippedPolicyUsesOnlyKeysAndKindsTheSchemaLists() throws IOException {
        List<Path> policies;
        try (Stream<Path> files = Files.list(POLICIES)) {
            policies = files.filter(f -> f.toString().endsWith(".yaml")).toList();
        }
        assertThat(policies).hasSize(4);
        for (Path file : policies) {
            JsonNode policy = new YAMLMapper().readTree(file.toFile());
            assertThat(names(schema.get("properties"))).as(file + " top level").containsAll(names(policy));
            for (JsonNode stage : policy.get("stages")) {
                assertThat(names(schema.at("/$defs/stage/properties"))).as(file + " stage").containsAll(names(stage));
                for (JsonNode criterion : stage.path("criteria")) {
                    String kind = criterion.get("kind").asText();
                    assertThat(CriterionReader.KINDS).as(file + " kind").contains(kind);
                    assertThat(criterionKeys(kind)).as(file + " " + criterion.get("name")).containsAll(names(criterion));
                }
                for (JsonNode guard : stage.path("guards")) {
                    assertThat(names(schema.at("/$defs/guard/properties"))).as(file + " guard").containsAll(names(guard));
                }
            }
        }
    }
}
