package dev.greenlight.console.actions.application;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Greenlight API answered a call made on a person's behalf: status, content type and body.
 * A refusal's reason is the API's own words (problem+json {@code detail}, else {@code title}), so the
 * page shows exactly why the service said no.
 */
public record ApiAnswer(int status, String contentType, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer for a service the console could not reach at all. */
    public static ApiAnswer unreachable(String service, String why) {
        return new ApiAnswer(503, "text/plain", (service + " is not reachable: " + why).getBytes(StandardCharsets.UTF_8));
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or null when it is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Why the API refused (its problem detail), or the status line when it gave no reason. */
    public String reason() {
        JsonNode json = json();
        if (json != null && json.isObject()) {
            String detail = json.path("detail").asString("");
            if (!detail.isBlank()) {
                return detail;
            }
            String title = json.path("title").asString("");
            if (!title.isBlank()) {
                return title;
            }
        }
        String text = text().strip();
        return text.isEmpty() ? "HTTP " + status : text.length() > 500 ? text.substring(0, 500) : text;
    }
}
