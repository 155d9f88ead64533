package dev.greenlight.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import dev.greenlight.registry.web.RegistryHttp.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint and error code over real HTTP against a real (embedded) broker, asserted the way
 * a Confluent client reads them: status, vendor content type, and the JSON body.
 * Subjects are unique per test because the context (and broker) is shared.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=schema-registry",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka
class SchemaRegistryConformanceTest {

    private static final String V1 = "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"t\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"t\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"int\",\"default\":0}]}";
    /** Adds a field without a default: not BACKWARD compatible with V1/V2. */
    private static final String V_REQUIRED = "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"t\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"m\",\"type\":\"int\"}]}";

    @LocalServerPort
    int port;

    private RegistryHttp http() {
        return new RegistryHttp(port);
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith(RegistryMediaTypes.V1_JSON_VALUE);
        return reply.body();
    }

    private static void error(Reply reply, int status, int code) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith(RegistryMediaTypes.V1_JSON_VALUE);
        assertThat(reply.body().get("error_code").asInt()).isEqualTo(code);
        assertThat(reply.body().get("message").asString()).isNotBlank();
    }

    private int register(String subject, String schema) {
        return ok(http().post("/subjects/" + subject + "/versions", Map.of("schema", schema))).get("id").asInt();
    }

    @Test
    void registersLooksUpAndFetchesSchemas() {
        int id = register("conf-reg-a", V1);
        // Same schema, different formatting and subject: same global id.
        int sameId = register("conf-reg-b", V1.replace(",", ", ").replace(":", " : "));
        int again = register("conf-reg-a", V1);
        int second = register("conf-reg-a", V2);

        assertThat(sameId).isEqualTo(id);
        assertThat(again).isEqualTo(id);
        assertThat(second).isNotEqualTo(id);
        assertThat(ok(http().get("/subjects/conf-reg-a/versions"))).containsExactly(
                RegistryHttp.JSON.getNodeFactory().numberNode(1), RegistryHttp.JSON.getNodeFactory().numberNode(2));

        JsonNode lookup = ok(http().post("/subjects/conf-reg-a", Map.of("schema", V1, "schemaType", "AVRO")));
        assertThat(lookup.get("subject").asString()).isEqualTo("conf-reg-a");
        assertThat(lookup.get("id").asInt()).isEqualTo(id);
        assertThat(lookup.get("version").asInt()).isEqualTo(1);
        assertThat(RegistryHttp.JSON.readTree(lookup.get("schema").asString()))
                .isEqualTo(RegistryHttp.JSON.readTree(V1));

        JsonNode byId = ok(http().get("/schemas/ids/" + id));
        assertThat(byId.get("schema").asString()).isEqualTo(lookup.get("schema").asString());
        assertThat(byId.has("schemaType")).isFalse();

        assertThat(ok(http().get("/subjects"))).extracting(JsonNode::asString).contains("conf-reg-a", "conf-reg-b");
        for (String latest : List.of("latest", "-1", "2")) {
            JsonNode version = ok(http().get("/subjects/conf-reg-a/versions/" + latest));
            assertThat(version.get("version").asInt()).isEqualTo(2);
            assertThat(version.get("id").asInt()).isEqualTo(second);
            assertThat(version.get("subject").asString()).isEqualTo("conf-reg-a");
        }
        assertThat(ok(http().get("/subjects/conf-reg-a/versions/1")).get("id").asInt()).isEqualTo(id);
        assertThat(ok(http().get("/schemas/types"))).extracting(JsonNode::asString).containsExactly("AVRO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream"})
    void acceptsEveryConfluentRequestContentType(String contentType) {
        String body = RegistryHttp.JSON.writeValueAsString(Map.of("schema", V1));

        Reply reply = http().send("POST", "/subjects/conf-ct-" + contentType.hashCode() + "/versions", body, contentType);

        assertThat(ok(reply).get("id").asInt()).isPositive();
    }

    @Test
    void rejectsIncompatibleSchemasWith409() {
        http().put("/config/conf-incompat", Map.of("compatibility", "BACKWARD"));
        register("conf-incompat", V1);

        error(http().post("/subjects/conf-incompat/versions", Map.of("schema", V_REQUIRED)), 409, 409);
        assertThat(ok(http().get("/subjects/conf-incompat/versions"))).hasSize(1);
    }

    @Test
    void rejectsInvalidSchemasWith42201() {
        error(http().post("/subjects/conf-invalid/versions", Map.of("schema", "{\"type\":\"record\"}")), 422, 42201);
        error(http().post("/subjects/conf-invalid/versions", Map.of()), 422, 42201);
        error(http().post("/subjects/conf-invalid/versions",
                Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF")), 422, 42201);
        error(http().post("/subjects/conf-invalid/versions",
                Map.of("schema", V1, "references", List.of(Map.of("name", "x", "subject", "y", "version", 1)))), 422, 42201);
        assertThat(ok(http().get("/subjects")).valueStream().map(JsonNode::asString)).doesNotContain("conf-invalid");
    }

    @Test
    void notFoundErrors() {
        register("conf-nf", V1);

        error(http().get("/subjects/conf-missing/versions"), 404, 40401);
        error(http().get("/subjects/conf-missing/versions/1"), 404, 40401);
        error(http().post("/subjects/conf-missing", Map.of("schema", V1)), 404, 40401);
        error(http().delete("/subjects/conf-missing"), 404, 40401);
        error(http().post("/compatibility/subjects/conf-missing/versions/latest", Map.of("schema", V1)), 404, 40401);

        error(http().get("/subjects/conf-nf/versions/7"), 404, 40402);
        error(http().post("/compatibility/subjects/conf-nf/versions/7", Map.of("schema", V1)), 404, 40402);

        error(http().get("/schemas/ids/987654"), 404, 40403);
        error(http().post("/subjects/conf-nf", Map.of("schema", V2)), 404, 40403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-2"})
    void invalidVersionsAre42202(String version) {
        register("conf-badversion", V1);

        error(http().get("/subjects/conf-badversion/versions/" + version), 422, 42202);
        error(http().post("/compatibility/subjects/conf-badversion/versions/" + version, Map.of("schema", V1)), 422, 42202);
    }

    @Test
    void checksCompatibilityWithoutRegistering() {
        http().put("/config/conf-compat", Map.of("compatibility", "BACKWARD"));
        register("conf-compat", V1);

        JsonNode compatible = ok(http().post("/compatibility/subjects/conf-compat/versions/latest", Map.of("schema", V2)));
        assertThat(compatible.get("is_compatible").asBoolean()).isTrue();
        assertThat(compatible.has("messages")).isFalse();

        JsonNode incompatible = ok(http().post("/compatibility/subjects/conf-compat/versions/1?verbose=true",
                Map.of("schema", V_REQUIRED)));
        assertThat(incompatible.get("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.get("messages")).isNotEmpty();

        error(http().post("/compatibility/subjects/conf-compat/versions/latest", Map.of("schema", "nope")), 422, 42201);
        assertThat(ok(http().get("/subjects/conf-compat/versions"))).hasSize(1);
    }

    @Test
    void globalAndSubjectConfig() {
        assertThat(ok(http().get("/config")).get("compatibilityLevel").asString()).isEqualTo("BACKWARD");
        try {
            assertThat(ok(http().put("/config", Map.of("compatibility", "FULL"))).get("compatibility").asString())
                    .isEqualTo("FULL");
            assertThat(ok(http().get("/config")).get("compatibilityLevel").asString()).isEqualTo("FULL");

            error(http().get("/config/conf-cfg"), 404, 40408);
            assertThat(ok(http().get("/config/conf-cfg?defaultToGlobal=true")).get("compatibilityLevel").asString())
                    .isEqualTo("FULL");

            assertThat(ok(http().put("/config/conf-cfg", Map.of("compatibility", "none"))).get("compatibility").asString())
                    .isEqualTo("NONE");
            assertThat(ok(http().get("/config/conf-cfg")).get("compatibilityLevel").asString()).isEqualTo("NONE");

            error(http().put("/config", Map.of("compatibility", "SIDEWAYS")), 422, 42203);
            error(http().put("/config/conf-cfg", Map.of("compatibility", "SIDEWAYS")), 422, 42203);
            assertThat(ok(http().get("/config/conf-cfg")).get("compatibilityLevel").asString()).isEqualTo("NONE");
        } finally {
            // Other tests rely on the default level.
            http().put("/config", Map.of("compatibility", "BACKWARD"));
        }
    }

    @Test
    void softDeleteKeepsIdsResolvableAndContinuesNumbering() {
        int id = register("conf-del", V1);
        register("conf-del", V2);

        assertThat(ok(http().delete("/subjects/conf-del"))).extracting(JsonNode::asInt).containsExactly(1, 2);

        assertThat(ok(http().get("/subjects")).valueStream().map(JsonNode::asString)).doesNotContain("conf-del");
        assertThat(ok(http().get("/subjects?deleted=true")).valueStream().map(JsonNode::asString)).contains("conf-del");
        error(http().get("/subjects/conf-del/versions"), 404, 40401);
        error(http().delete("/subjects/conf-del"), 404, 40401);
        assertThat(ok(http().get("/subjects/conf-del/versions?deleted=true"))).extracting(JsonNode::asInt)
                .containsExactly(1, 2);
        assertThat(ok(http().get("/schemas/ids/" + id)).get("schema").asString()).isNotBlank();

        assertThat(register("conf-del", V1)).isEqualTo(id);
        assertThat(ok(http().get("/subjects/conf-del/versions"))).extracting(JsonNode::asInt).containsExactly(3);
    }

    @Test
    void frameworkErrorsUseConfluentErrorBodies() {
        error(http().send("POST", "/subjects/conf-fw/versions", "{not json", RegistryMediaTypes.V1_JSON_VALUE), 400, 400);
        error(http().get("/no-such-resource"), 404, 404);
        error(http().get("/schemas/ids/not-a-number"), 404, 404);
        error(http().send("PATCH", "/config", "{}", RegistryMediaTypes.V1_JSON_VALUE), 405, 405);
    }

    @Test
    void servesPlainJsonToClientsThatOnlyAcceptIt() {
        Reply reply = http().send("GET", "/config", null, null, "application/json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body().get("compatibilityLevel").asString()).isNotBlank();
    }

    @Test
    void readinessIsUpOnceTheStoreIsLoaded() {
        Reply readiness = http().get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
    }
}
