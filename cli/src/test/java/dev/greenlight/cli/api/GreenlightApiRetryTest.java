package dev.greenlight.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command whose outcome is unknown (503 "may or may not be recorded") is sent again with the
 * same Idempotency-Key, so the service can apply it at most once; a refusal is never retried.
 */
class GreenlightApiRetryTest {

    private final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final AtomicInteger unavailableAnswers = new AtomicInteger();
    private volatile int finalStatus = 201;
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            keysSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            exchange.getRequestBody().readAllBytes();
            int status = unavailableAnswers.getAndDecrement() > 0 ? 503 : finalStatus;
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "2");
            }
            byte[] body = ("{\"detail\":\"status " + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private GreenlightApi api() {
        AtomicInteger counter = new AtomicInteger();
        return new GreenlightApi("demo-dave", () -> "key-" + counter.incrementAndGet(), pauses::add);
    }

    @Test
    void a503IsRetriedWithTheSameKeyHonouringRetryAfter() {
        unavailableAnswers.set(2);

        api().post(base, "/api/v1/kill-switch", Map.of("active", true));

        assertThat(keysSeen).containsExactly("key-1", "key-1", "key-1");
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void whenEveryAttemptIsUnavailableTheUserIsToldItMayOrMayNotBeRecordedAndTheKey() {
        unavailableAnswers.set(10);

        assertThatThrownBy(() -> api().delete(base, "/api/v1/waivers/w-1"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("may or may not be recorded")
                .hasMessageContaining("sent 3 times with Idempotency-Key key-1");
        assertThat(keysSeen).containsExactly("key-1", "key-1", "key-1");
    }

    @Test
    void aRefusalIsNotRetriedAndEachCommandHasItsOwnKey() {
        finalStatus = 403;
        GreenlightApi api = api();

        assertThatThrownBy(() -> api.post(base, "/api/v1/approvals", Map.of()))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("not permitted");
        assertThatThrownBy(() -> api.post(base, "/api/v1/approvals", Map.of()))
                .isInstanceOf(ApiException.class);

        assertThat(keysSeen).containsExactly("key-1", "key-2");
        assertThat(pauses).isEmpty();
    }

    @Test
    void readsCarryNoKey() {
        api().get(base, "/api/v1/releases/x");

        assertThat(keysSeen).containsExactly("null");
    }
}
