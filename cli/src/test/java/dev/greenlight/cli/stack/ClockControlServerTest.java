package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClockControlServerTest {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicReference<Instant> real = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
    private final StackClock clock = new StackClock((InstantSource) real::get, START, 1);
    private final HttpClient http = HttpClient.newHttpClient();
    private ClockControlServer server;

    @BeforeEach
    void start() {
        server = ClockControlServer.start(0, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void getShowsTheSimulatedTimeAndRate() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri()).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("now").asString()).isEqualTo(START.toString());
        assertThat(body.get("rate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void postAdvancesAndAcceleratesTheClockEveryServiceReads() throws Exception {
        HttpResponse<String> response = post("{\"advance\":\"PT48H\",\"rate\":8640}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(48)));
        assertThat(clock.rate()).isEqualTo(8640);
        real.updateAndGet(now -> now.plusSeconds(10));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(72)));
    }

    @Test
    void anInvalidFieldIsNamedAndNothingChanges() throws Exception {
        HttpResponse<String> badRate = post("{\"rate\":0.5,\"advance\":\"PT1H\"}");
        HttpResponse<String> badAdvance = post("{\"rate\":100,\"advance\":\"two days\"}");
        HttpResponse<String> backwards = post("{\"advance\":\"-PT1H\"}");

        assertThat(badRate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRate.body()).get("field").asString()).isEqualTo("rate");
        assertThat(badAdvance.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badAdvance.body()).get("field").asString()).isEqualTo("advance");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.rate()).isEqualTo(1.0);
    }

    @Test
    void anEmptyOrMalformedBodyIsRefused() throws Exception {
        assertThat(post("{}").statusCode()).isEqualTo(400);
        assertThat(post("not json").statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(uri()).DELETE()).statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> post(String json) throws Exception {
        return send(HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://localhost:" + server.port() + ClockControlServer.PATH);
    }
}
