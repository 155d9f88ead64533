package dev.greenlight.checkingest;

import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running service, answering status, headers and JSON body. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient client;

    public Api(int port) {
        this.client = RestClient.create("http://localhost:" + port);
    }

    public Answer post(String path, String body, String token) {
        return post(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), token, Map.of());
    }

    public Answer post(String path, byte[] body, String token, Map<String, String> headers) {
        return client.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    headers.forEach(h::set);
                })
                .body(body)
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    byte[] bytes = response.getBody().readAllBytes();
                    return new Answer(status.value(), response.getHeaders().getFirst("Retry-After"),
                            bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes));
                });
    }

    public record Answer(int status, String retryAfter, JsonNode body) {
    }
}
