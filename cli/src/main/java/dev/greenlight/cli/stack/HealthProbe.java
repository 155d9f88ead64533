package dev.greenlight.cli.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a Spring Boot actuator whether its application is UP. The launcher trusts the actuator
 * rather than "the context started", because a service whose Kafka Streams topology failed is
 * running but not UP. The benchmark asks the same question to time each component of a restart.
 */
public final class HealthProbe {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Whether {@code healthUrl} answers with status UP; any failure to ask counts as not UP. */
    public boolean isUp(String healthUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl)).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode body = json.readTree(response.body());
            return "UP".equals(body.path("status").asString());
        } catch (IOException | JacksonException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
