package dev.greenlight.platform.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on a free port that answers scripted Confluent REST responses and records every
 * request, so registry clients can be tested against the real protocol without a registry.
 * Unscripted requests get a 500 so a missing stub is loud.
 */
public final class StubSchemaRegistry implements AutoCloseable {

    /** One request as the server saw it; {@code path} is raw (still percent-encoded). */
    public record Request(String method, String path, String contentType, String authorization, String body) {
    }

    private record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    private StubSchemaRegistry(HttpServer server) {
        this.server = server;
    }

    public static StubSchemaRegistry start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StubSchemaRegistry stub = new StubSchemaRegistry(server);
        server.createContext("/", stub::handle);
        server.start();
        return stub;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method rawPath} with {@code status} and a JSON body. */
    public StubSchemaRegistry reply(String method, String rawPath, int status, String json) {
        replies.put(method + " " + rawPath, new Reply(status, json));
        return this;
    }

    /** Answers with Confluent's error body {@code {"error_code": ..., "message": ...}}. */
    public StubSchemaRegistry replyError(String method, String rawPath, int status, int errorCode, String message) {
        return reply(method, rawPath, status,
                "{\"error_code\":" + errorCode + ",\"message\":\"" + message + "\"}");
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Reply reply = replies.getOrDefault(method + " " + path,
                new Reply(500, "{\"error_code\":50001,\"message\":\"no stub for " + method + " " + path + "\"}"));
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(reply.status(), out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
