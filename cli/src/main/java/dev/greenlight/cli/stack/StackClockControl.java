package dev.greenlight.cli.stack;

import dev.greenlight.cli.api.GreenlightApi;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The client of the local stack's control port ({@code GET/POST /clock}): the demo reads the
 * simulated now from it to stamp evidence as a monitor in that world would, and speeds it up or
 * jumps it forward. Unreachable means there is no local stack to drive.
 */
public final class StackClockControl {

    /** The stack clock as the control port reports it. */
    public record State(Instant now, double rate) {
    }

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public StackClockControl(URI url) {
        this.url = url;
    }

    public URI url() {
        return url;
    }

    public State read() {
        return send(HttpRequest.newBuilder(url).GET());
    }

    /** From now on every service's time passes {@code rate} times as fast as real time. */
    public State rate(double rate) {
        return change(Map.of("rate", rate));
    }

    /** Every service's time jumps forward by {@code by} at once. */
    public State advance(Duration by) {
        return change(Map.of("advance", by.toString()));
    }

    private State change(Map<String, Object> body) {
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GreenlightApi.json().writeValueAsString(
                        new LinkedHashMap<>(body)))));
    }

    private State send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw notRunning();
        } catch (IOException e) {
            throw new StackNotRunningException("the stack control port " + url + " failed: " + e.getMessage()
                    + ". Start the stack with ./greenlight up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackNotRunningException("interrupted while calling " + url);
        }
        if (response.statusCode() == 404) {
            throw notRunning();
        }
        JsonNode body = GreenlightApi.json().readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the stack clock refused: "
                    + body.path("detail").asString(response.body()));
        }
        return new State(Instant.parse(body.path("now").asString()), body.path("rate").asDouble());
    }

    private StackNotRunningException notRunning() {
        return new StackNotRunningException("no local Greenlight stack answers at " + url
                + ": start it with ./greenlight up (or point --control-url / GREENLIGHT_CONTROL_URL at its "
                + "control port)");
    }
}
