package dev.greenlight.cli.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's control port: lets {@code greenlight demo} (another process) read and speed
 * up the {@link StackClock} every service of a running {@code ./greenlight up} shares.
 *
 * <p>{@code GET /clock} answers {@code {"now": ISO-8601, "rate": n}}; {@code POST /clock} with
 * {@code {"rate": n}} and/or {@code {"advance": "PT48H"}} changes it and answers the same. It binds
 * to the loopback interface only: it exists in the developer stack, never in a deployment.
 */
final class ClockControlServer implements AutoCloseable {

    static final String PATH = "/clock";
    private static final int MAX_BODY = 4096;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final StackClock clock;

    private ClockControlServer(HttpServer server, StackClock clock) {
        this.server = server;
        this.clock = clock;
    }

    static ClockControlServer start(int port, StackClock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ClockControlServer control = new ClockControlServer(server, clock);
            server.createContext(PATH, control::handle);
            server.start();
            return control;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on control port " + port, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "GET" -> respond(exchange, 200, state());
                case "POST" -> change(exchange);
                default -> {
                    exchange.getResponseHeaders().add("Allow", "GET, POST");
                    respond(exchange, 405, problem(405, null, "use GET or POST"));
                }
            }
        }
    }

    private void change(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                respond(exchange, 413, problem(413, null, "body larger than " + MAX_BODY + " bytes"));
                return;
            }
            body = JSON.readTree(bytes);
        } catch (JacksonException e) {
            respond(exchange, 400, problem(400, null, "body is not JSON"));
            return;
        }
        if (body == null || !body.isObject()) {
            respond(exchange, 400, problem(400, null, "body must be a JSON object with rate and/or advance"));
            return;
        }
        // Validate everything before changing anything: a half-applied request would be a surprise.
        Double rate = null;
        Duration advance = null;
        JsonNode rateNode = body.get("rate");
        if (rateNode != null) {
            if (!rateNode.isNumber() || !(rateNode.asDouble() >= 1) || Double.isInfinite(rateNode.asDouble())) {
                respond(exchange, 400, problem(400, "rate", "rate must be a number >= 1 (simulated seconds per real second)"));
                return;
            }
            rate = rateNode.asDouble();
        }
        JsonNode advanceNode = body.get("advance");
        if (advanceNode != null) {
            try {
                advance = Duration.parse(advanceNode.asString());
            } catch (DateTimeParseException | UnsupportedOperationException e) {
                respond(exchange, 400, problem(400, "advance", "advance must be an ISO-8601 duration such as PT48H"));
                return;
            }
            if (advance.isNegative()) {
                respond(exchange, 400, problem(400, "advance", "the stack clock only moves forward"));
                return;
            }
        }
        if (rate == null && advance == null) {
            respond(exchange, 400, problem(400, null, "give rate and/or advance"));
            return;
        }
        if (advance != null) {
            clock.advance(advance);
        }
        if (rate != null) {
            clock.accelerate(rate);
        }
        respond(exchange, 200, state());
    }

    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("now", clock.instant().toString());
        state.put("rate", clock.rate());
        return state;
    }

    private static Map<String, Object> problem(int status, String field, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", status);
        problem.put("title", switch (status) {
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            default -> "Bad Request";
        });
        problem.put("detail", detail);
        if (field != null) {
            problem.put("field", field);
        }
        return problem;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
