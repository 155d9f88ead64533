package dev.greenlight.platform.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks the documented Confluent Schema Registry REST API, so Greenlight runs unchanged against its
 * embedded registry or a real Confluent one (Confluent's own client is not on Maven Central).
 *
 * <p>Several base URLs may be given; a call moves to the next one only when a registry cannot be
 * reached, never when one answers with an error, so a refusal is not masked by a second opinion.
 * Nothing is cached here: wrap in {@link CachingSchemaRegistryClient} for the serde hot path.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final List<URI> baseUrls;
    private final Optional<String> authorization;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param urls              one or more base URLs, comma separated (Confluent's {@code schema.registry.url} format)
     * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or null/blank for none
     */
    public RestSchemaRegistryClient(String urls, String basicAuthUserInfo) {
        this(parseUrls(urls), basicAuthUserInfo,
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
    }

    RestSchemaRegistryClient(List<URI> baseUrls, String basicAuthUserInfo, HttpClient http) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is required");
        }
        this.baseUrls = List.copyOf(baseUrls);
        this.authorization = Optional.ofNullable(basicAuthUserInfo).filter(s -> !s.isBlank())
                .map(userInfo -> "Basic " + Base64.getEncoder()
                        .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        this.http = http;
    }

    static List<URI> parseUrls(String urls) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("schema registry URL is empty");
        }
        return Arrays.stream(urls.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s))
                .toList();
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode body = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        return body.required("id").asInt();
    }

    @Override
    public OptionalInt getId(String subject, Schema schema) {
        try {
            JsonNode body = call("POST", "/subjects/" + encode(subject), schemaBody(schema));
            return OptionalInt.of(body.required("id").asInt());
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }

    @Override
    public Schema getSchemaById(int id) {
        JsonNode body = call("GET", "/schemas/ids/" + id, null);
        return parse(body.required("schema").asString());
    }

    @Override
    public Optional<RegisteredSchema> getLatest(String subject) {
        try {
            JsonNode body = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
            return Optional.of(new RegisteredSchema(body.required("subject").asString(),
                    body.required("id").asInt(), body.required("version").asInt(),
                    parse(body.required("schema").asString())));
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Never shows the credentials: clients end up in logs and exception messages. */
    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + baseUrls + (authorization.isPresent() ? " (basic auth)" : "");
    }

    private String schemaBody(Schema schema) {
        return json.writeValueAsString(Map.of("schema", schema.toString()));
    }

    private JsonNode call(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUrls) {
            HttpRequest request = request(method, URI.create(base + path), body);
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = e; // unreachable: the next registry may answer
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                        SchemaRegistryException.UNREACHABLE, "interrupted calling " + method + " " + path, e);
            }
            return readResponse(method, path, response);
        }
        throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
                "no schema registry reachable at " + baseUrls + " for " + method + " " + path, lastFailure);
    }

    private HttpRequest request(String method, URI uri, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", ACCEPT);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private JsonNode readResponse(String method, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            // Proxies answer with HTML; keep the status, do not echo the page.
            throw new SchemaRegistryException(status, status,
                    method + " " + path + " returned a non-JSON body", e);
        }
        if (status / 100 == 2) {
            return body;
        }
        int errorCode = body.path("error_code").asInt(status);
        String message = body.path("message").asString("no message");
        throw new SchemaRegistryException(status, errorCode, method + " " + path + " failed: " + message);
    }

    private static Schema parse(String schema) {
        try {
            return new Schema.Parser().parse(schema);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "registry returned a schema that does not parse: " + e.getMessage(), e);
        }
    }

    /** Path segment encoding: URLEncoder is for forms, where a space becomes '+'. */
    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
