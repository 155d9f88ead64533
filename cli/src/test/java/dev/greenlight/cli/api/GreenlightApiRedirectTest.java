package dev.greenlight.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scaled out, the instance asked about a target another instance owns answers 307 to the owner
 * (platform {@code KeyOwnerRedirects}); the CLI gets its answer from the owner, asked with the same
 * method, body, token and Idempotency-Key.
 */
class GreenlightApiRedirectTest {

    private final List<String> atOwner = new CopyOnWriteArrayList<>();
    private HttpServer owner;
    private HttpServer other;

    @BeforeEach
    void start() throws IOException {
        owner = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        owner.createContext("/", exchange -> {
            atOwner.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"at\":\"owner\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        owner.start();
        other = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        other.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location",
                    "http://localhost:" + owner.getAddress().getPort() + exchange.getRequestURI());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        other.start();
    }

    @AfterEach
    void stop() {
        owner.stop(0);
        other.stop(0);
    }

    @Test
    void aReadAndACommandAtTheInstanceThatDoesNotOwnTheTargetAreAnsweredByTheOwner() {
        GreenlightApi api = new GreenlightApi("demo-dave", () -> "key-1", duration -> { });
        URI base = URI.create("http://localhost:" + other.getAddress().getPort());

        assertThat(api.get(base, "/api/v1/rollouts/svc?x=1").path("at").asString()).isEqualTo("owner");
        assertThat(api.post(base, "/api/v1/rollouts/svc/1.0.0/pause", Map.of("reason", "r")).path("at").asString())
                .isEqualTo("owner");

        assertThat(atOwner).containsExactly(
                "GET /api/v1/rollouts/svc?x=1 Bearer demo-dave null ",
                "POST /api/v1/rollouts/svc/1.0.0/pause Bearer demo-dave key-1 {\"reason\":\"r\"}");
    }
}
