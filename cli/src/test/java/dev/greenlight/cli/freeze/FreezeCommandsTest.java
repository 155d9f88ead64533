package dev.greenlight.cli.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.cli.GreenlightCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code greenlight freeze declare|lift|list} against a stand-in approval service: the documented
 * body with the caller's token, and the path of the freeze to lift.
 */
class FreezeCommandsTest {

    record Call(String method, String path, String authorization, JsonNode body) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;
    private volatile int status = 201;
    private volatile String answer = "{\"freezeId\":\"f-1\"}";

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body.isEmpty() ? null : JsonMapper.builder().build().readTree(body)));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void declarePostsTheWindowAndOverridesWithTheCallersToken() {
        int exit = run("freeze", "declare", "black-friday", "payments-*", "--from", "2026-11-27T00:00:00Z", "--to",
                "2026-11-30T00:00:00Z", "--reason", "peak traffic", "--override-role", "management",
                "--override-type", "HOTFIX", "--token", "demo-erin", "--approval-url", url());

        assertThat(exit).as(err.toString()).isZero();
        Call call = calls.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/v1/freezes");
        assertThat(call.authorization()).isEqualTo("Bearer demo-erin");
        assertThat(call.body().path("target").asString()).isEqualTo("payments-*");
        assertThat(call.body().path("from").asString()).isEqualTo("2026-11-27T00:00:00Z");
        assertThat(call.body().path("to").asString()).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(call.body().path("override").path("roles").get(0).asString()).isEqualTo("management");
        assertThat(call.body().path("override").path("releaseTypes").get(0).asString()).isEqualTo("HOTFIX");
        assertThat(out.toString()).contains("freeze black-friday declared", "f-1");
    }

    @Test
    void liftDeletesTheFreezeById_andListReadsTheStandingOnes() {
        status = 200;
        assertThat(run("freeze", "lift", "f-1", "--reason", "cancelled", "--token", "demo-dave", "--approval-url",
                url())).as(err.toString()).isZero();
        answer = "[]";
        assertThat(run("freeze", "list", "--token", "demo-frank", "--approval-url", url())).isZero();

        assertThat(calls).extracting(c -> c.method() + " " + c.path())
                .containsExactly("DELETE /api/v1/freezes/f-1", "GET /api/v1/freezes");
        assertThat(out.toString()).contains("no standing freezes");
    }
}
