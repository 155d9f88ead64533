package dev.greenlight.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.testing.StubSchemaRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class RestSchemaRegistryClientTest {

    private static final String SUBJECT = "probe-value";
    private static final Schema SCHEMA = EventMetadata.getClassSchema();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StubSchemaRegistry registry;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        registry = StubSchemaRegistry.start();
        client = new RestSchemaRegistryClient(registry.url(), null);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void registerPostsTheSchemaAsAJsonStringToTheSubjectVersions() {
        registry.reply("POST", "/subjects/probe-value/versions", 200, "{\"id\":21}");

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(21);

        StubSchemaRegistry.Request request = registry.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/probe-value/versions");
        assertThat(request.contentType()).isEqualTo(CONTENT_TYPE);
        assertThat(JSON.readValue(request.body(), Map.class)).isEqualTo(Map.of("schema", SCHEMA.toString()));
    }

    @Test
    void lookupPostsTheSchemaToTheSubjectAndReturnsItsId() {
        registry.reply("POST", "/subjects/probe-value", 200, lookupResponse(3, 2));

        assertThat(client.getId(SUBJECT, SCHEMA)).hasValue(3);

        StubSchemaRegistry.Request request = registry.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/probe-value");
        assertThat(request.contentType()).isEqualTo(CONTENT_TYPE);
        assertThat(JSON.readValue(request.body(), Map.class)).isEqualTo(Map.of("schema", SCHEMA.toString()));
    }

    @ParameterizedTest
    @ValueSource(ints = {SchemaRegistryException.SUBJECT_NOT_FOUND, SchemaRegistryException.SCHEMA_NOT_FOUND})
    void lookupOfAnUnregisteredSubjectOrSchemaIsEmpty(int errorCode) {
        registry.replyError("POST", "/subjects/probe-value", 404, errorCode, "not found");

        assertThat(client.getId(SUBJECT, SCHEMA)).isEmpty();
    }

    @Test
    void schemaByIdIsFetchedAndParsed() {
        registry.reply("GET", "/schemas/ids/7", 200, JSON.writeValueAsString(Map.of("schema", SCHEMA.toString())));

        assertThat(client.getSchemaById(7)).isEqualTo(SCHEMA);
        assertThat(registry.requests().get(0).method()).isEqualTo("GET");
    }

    @Test
    void latestVersionOfASubject() {
        registry.reply("GET", "/subjects/probe-value/versions/latest", 200, lookupResponse(4, 3));

        assertThat(client.getLatest(SUBJECT)).hasValue(new RegisteredSchema(SUBJECT, 4, 3, SCHEMA));
    }

    @Test
    void latestOfAnUnknownSubjectIsEmpty() {
        registry.replyError("GET", "/subjects/probe-value/versions/latest", 404,
                SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject 'probe-value' not found.");

        assertThat(client.getLatest(SUBJECT)).isEmpty();
    }

    @Test
    void unknownSchemaIdIsATypedError() {
        registry.replyError("GET", "/schemas/ids/99", 404, 40403, "Schema 99 not found");

        assertThatThrownBy(() -> client.getSchemaById(99))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                    assertThat(e.isNotFound()).isTrue();
                })
                .hasMessageContaining("Schema 99 not found");
    }

    @ParameterizedTest
    @CsvSource({"422, 42201, Invalid schema", "409, 409, Schema being registered is incompatible with an earlier schema"})
    void refusedRegistrationCarriesStatusAndErrorCode(int status, int errorCode, String message) {
        registry.replyError("POST", "/subjects/probe-value/versions", status, errorCode, message);

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.errorCode()).isEqualTo(errorCode);
                })
                .hasMessageContaining(message);
    }

    @Test
    void subjectIsPercentEncodedInThePath() {
        registry.reply("POST", "/subjects/team%20a%2Fprobe-value/versions", 200, "{\"id\":1}");

        assertThat(client.register("team a/probe-value", SCHEMA)).isEqualTo(1);
    }

    @Test
    void movesToTheNextUrlWhenARegistryIsUnreachable() throws IOException {
        registry.reply("POST", "/subjects/probe-value/versions", 200, "{\"id\":5}");
        RestSchemaRegistryClient failover =
                new RestSchemaRegistryClient(unreachableUrl() + ", " + registry.url() + "/", null);

        assertThat(failover.register(SUBJECT, SCHEMA)).isEqualTo(5);
    }

    @Test
    void noReachableRegistryIsATypedError() throws IOException {
        RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient(unreachableUrl(), null);

        assertThatThrownBy(() -> unreachable.getSchemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.UNREACHABLE))
                .hasMessageContaining("no schema registry reachable");
    }

    @Test
    void basicAuthUserInfoIsSentButNeverShown() {
        registry.reply("POST", "/subjects/probe-value/versions", 200, "{\"id\":1}");
        RestSchemaRegistryClient authenticated = new RestSchemaRegistryClient(registry.url(), "ci:s3cret");

        authenticated.register(SUBJECT, SCHEMA);

        String expected = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.requests().get(0).authorization()).isEqualTo(expected);
        assertThat(authenticated.toString()).doesNotContain("s3cret").doesNotContain(expected.substring(6));
    }

    @Test
    void cachingClientAsksTheRegistryOncePerSubjectSchemaAndPerId() {
        registry.reply("POST", "/subjects/probe-value/versions", 200, "{\"id\":8}");
        registry.reply("GET", "/schemas/ids/9", 200, JSON.writeValueAsString(Map.of("schema", SCHEMA.toString())));
        SchemaRegistryClient caching = new CachingSchemaRegistryClient(client);

        assertThat(caching.register(SUBJECT, SCHEMA)).isEqualTo(8);
        assertThat(caching.register(SUBJECT, SCHEMA)).isEqualTo(8);
        assertThat(caching.getId(SUBJECT, SCHEMA)).hasValue(8);
        assertThat(caching.getSchemaById(8)).isEqualTo(SCHEMA);
        assertThat(caching.getSchemaById(9)).isEqualTo(SCHEMA);
        assertThat(caching.getSchemaById(9)).isEqualTo(SCHEMA);

        assertThat(registry.requests()).extracting(StubSchemaRegistry.Request::path)
                .containsExactly("/subjects/probe-value/versions", "/schemas/ids/9");
    }

    @Test
    void cachingClientDoesNotRememberThatASchemaWasMissing() {
        registry.replyError("POST", "/subjects/probe-value", 404, 40403, "Schema not found");
        SchemaRegistryClient caching = new CachingSchemaRegistryClient(client);
        assertThat(caching.getId(SUBJECT, SCHEMA)).isEmpty();

        registry.reply("POST", "/subjects/probe-value", 200, lookupResponse(6, 1));

        assertThat(caching.getId(SUBJECT, SCHEMA)).hasValue(6);
    }

    private static String lookupResponse(int id, int version) {
        return JSON.writeValueAsString(Map.of("subject", SUBJECT, "id", id, "version", version,
                "schema", SCHEMA.toString()));
    }

    private static String unreachableUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
