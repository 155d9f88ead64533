package dev.greenlight.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The restart figure names the component it waited for: each component's first health UP is timed
 * on its own, a component that never comes up gets no time, and stopping the watch does not hang on it.
 */
class ComponentReadinessTest {

    private final AtomicInteger asked = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        // UP from the third question on, as a service whose Kafka Streams finish restoring.
        server.createContext("/late", exchange -> answer(exchange, asked.incrementAndGet() >= 3));
        server.createContext("/never", exchange -> answer(exchange, false));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aComponentIsTimedAtItsFirstUpAndOneThatNeverComesUpGetsNoTime() {
        Map<String, String> health = new LinkedHashMap<>();
        health.put("never", url("/never"));
        health.put("late", url("/late"));
        long started = System.nanoTime();

        ComponentReadiness readiness = ComponentReadiness.watch(health, started);
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness.upAfter().containsKey("late"));
        readiness.close();

        assertThat(readiness.upAfter()).containsOnlyKeys("late");
        assertThat(readiness.upAfter().get("late")).isPositive();
        assertThat(asked.get()).as("polled until UP, then no more").isEqualTo(3);
    }

    private String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    private static void answer(HttpExchange exchange, boolean up) throws IOException {
        byte[] body = ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(up ? 200 : 503, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
