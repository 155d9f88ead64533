package dev.greenlight.cli.api;

import dev.greenlight.platform.time.Pause;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's only way into Greenlight: the services' public HTTP APIs, with the caller's bearer
 * token. Failures become {@link ApiException}s whose messages tell the user what to do next.
 *
 * <p>Every command (POST, DELETE) carries an {@code Idempotency-Key}. When the answer is lost
 * (a timeout after the request was sent) or is {@code 503} — "may or may not be recorded" — the
 * very same request is sent again with the same key, so the service applies it at most once; a
 * retry with a fresh key could record an approval or a kill-switch flip twice.
 */
public final class GreenlightApi {

    /** The header the services deduplicate commands by (platform {@code IdempotencyKeys}). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int ATTEMPTS = 3;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // A scaled-out gate-evaluator or rollout-controller answers 307 for a target another instance
    // owns; the JDK client follows it with the same method, body and headers (token, key).
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String token;
    private final Supplier<String> keys;
    private final Pause pause;

    public GreenlightApi(String token) {
        this(token, () -> UUID.randomUUID().toString(), Pause.blocking());
    }

    GreenlightApi(String token, Supplier<String> keys, Pause pause) {
        this.token = token;
        this.keys = keys;
        this.pause = pause;
    }

    public static JsonMapper json() {
        return JSON;
    }

    public JsonNode get(URI base, String path) {
        return send(base, path, HttpRequest.newBuilder().GET());
    }

    /** A short non-JSON answer (a signed note, an envelope), as text. */
    public String getText(URI base, String path) {
        try (InputStream body = openText(base, path, Duration.ofMinutes(5))) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiException(0, "reading " + base.resolve(path) + " failed: " + e.getMessage());
        }
    }

    /**
     * A non-JSON answer of any length (a whole-ledger export), as a stream the caller copies where it
     * goes: never held in memory. {@code firstByte} bounds the wait for the answer to start (the
     * service streams from its first entry on); the body itself has no deadline, since its length
     * grows with the ledger. The caller closes the stream.
     */
    public InputStream openText(URI base, String path, Duration firstByte) {
        HttpRequest.Builder request = HttpRequest.newBuilder().GET();
        URI uri = base.resolve(path);
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.uri(uri).timeout(firstByte).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                String problem;
                try (InputStream body = response.body()) {
                    problem = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                }
                throw new ApiException(response.statusCode(), explain(response.statusCode(), uri, parse(problem)));
            }
            return response.body();
        } catch (ConnectException e) {
            throw new ApiException(0, "cannot reach " + base + ". Is Greenlight running? Start it with "
                    + "'./greenlight up', or point the CLI elsewhere with the --*-url flags / GREENLIGHT_*_URL.");
        } catch (IOException e) {
            throw new ApiException(0, "calling " + uri + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted while calling " + uri);
        }
    }

    public JsonNode post(URI base, String path, Object body) {
        return command(base, path, HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Posts a text document (e.g. a YAML policy) and reads a JSON answer. */
    public JsonNode postText(URI base, String path, String contentType, String text) {
        return command(base, path, HttpRequest.newBuilder()
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    public JsonNode delete(URI base, String path) {
        return command(base, path, HttpRequest.newBuilder().DELETE());
    }

    /** A request that changes something: one key for every attempt of it. */
    private JsonNode command(URI base, String path, HttpRequest.Builder request) {
        String key = keys.get();
        request.header(IDEMPOTENCY_KEY, key);
        for (int attempt = 1; ; attempt++) {
            try {
                return send(base, path, request);
            } catch (ApiException e) {
                boolean unsure = e.status() == 503 || e.answerLost();
                if (!unsure || attempt == ATTEMPTS) {
                    throw unsure ? new ApiException(e.status(), e.getMessage() + " (sent " + attempt
                            + " times with " + IDEMPOTENCY_KEY + " " + key + ")") : e;
                }
                try {
                    pause.pause(e.retryAfter().orElse(Duration.ofSeconds(1)).compareTo(MAX_PAUSE) > 0
                            ? MAX_PAUSE : e.retryAfter().orElse(Duration.ofSeconds(1)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private JsonNode send(URI base, String path, HttpRequest.Builder request) {
        URI uri = base.resolve(path);
        if (token != null && !token.isBlank()) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.uri(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ApiException(0, "cannot reach " + base + ". Is Greenlight running? Start it with "
                    + "'./greenlight up', or point the CLI elsewhere with the --*-url flags / GREENLIGHT_*_URL.");
        } catch (IOException e) {
            // Sent, but no answer: the service may have acted on it.
            throw ApiException.answerLost("calling " + uri + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted while calling " + uri);
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return body;
        }
        throw new ApiException(status, explain(status, uri, body), retryAfter(response));
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException httpDate) {
                return null;
            }
        }).orElse(null);
    }

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode().put("detail", text);
        }
    }

    static String explain(int status, URI uri, JsonNode problem) {
        String detail = problem.path("detail").asString(problem.path("message").asString(""));
        String field = problem.path("field").asString("");
        String where = field.isEmpty() ? "" : " (field '" + field + "')";
        return switch (status) {
            case 401 -> "not authenticated: pass --token or set GREENLIGHT_TOKEN (local stack: demo-<name>). " + detail;
            case 403 -> "not permitted: " + detail;
            case 404 -> "not found: " + (detail.isEmpty() ? uri.getPath() : detail);
            case 503 -> "Greenlight could not confirm the request (broker unavailable): it may or may not be "
                    + "recorded. " + detail;
            default -> "HTTP " + status + where + ": " + detail;
        };
    }
}
