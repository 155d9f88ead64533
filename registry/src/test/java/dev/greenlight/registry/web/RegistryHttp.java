package dev.greenlight.registry.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client speaking to the registry the way Confluent's client does. */
final class RegistryHttp {

    /** The Accept header Confluent's Java client sends. */
    static final String CONFLUENT_ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    RegistryHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Reply(int status, String contentType, JsonNode body) {
    }

    Reply get(String path) {
        return send("GET", path, null, RegistryMediaTypes.V1_JSON_VALUE);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, RegistryMediaTypes.V1_JSON_VALUE);
    }

    Reply post(String path, Object body) {
        return send("POST", path, JSON.writeValueAsString(body), RegistryMediaTypes.V1_JSON_VALUE);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, JSON.writeValueAsString(body), RegistryMediaTypes.V1_JSON_VALUE);
    }

    Reply send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, CONFLUENT_ACCEPT);
    }

    Reply send(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
