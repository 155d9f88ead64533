package dev.greenlight.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI run against a stand-in service, for the command tests that check what a command sends: an
 * HTTP server on a free local port that records every call (method, path, query, Authorization
 * header, JSON body) and answers with the status and body the test sets — with its length up front,
 * or {@linkplain #streamed() streamed in chunks} as a service streams a long answer — and the CLI with
 * its output captured. One home for what each such test repeated.
 */
public final class StubbedCli {

    /** One request the stand-in received; query (as sent, still encoded) and body null when there was none. */
    public record Call(String method, String path, String query, String authorization, JsonNode body) {
    }

    private static final int CHUNK = 8_192;

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final HttpServer server;
    private volatile int status;
    private volatile String answer;
    private volatile boolean streamed;

    private StubbedCli(int status, String answer) throws IOException {
        this.status = status;
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                    body.isEmpty() ? null : JsonMapper.builder().build().readTree(body)));
            byte[] bytes = this.answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (!streamed) {
                exchange.sendResponseHeaders(this.status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(this.status, 0); // no length up front: chunked
            try (OutputStream chunks = exchange.getResponseBody()) {
                for (int from = 0; from < bytes.length; from += CHUNK) {
                    chunks.write(bytes, from, Math.min(CHUNK, bytes.length - from));
                    chunks.flush();
                }
            }
        });
        server.start();
    }

    /** Starts the stand-in answering {@code status} with {@code answer} (JSON) until told otherwise. */
    public static StubbedCli start(int status, String answer) throws IOException {
        return new StubbedCli(status, answer);
    }

    /** From now on the stand-in answers this status... */
    public void status(int status) {
        this.status = status;
    }

    /** ...and this body. */
    public void answer(String answer) {
        this.answer = answer;
    }

    /** From now on the stand-in streams its answers in chunks, with no length known up front. */
    public void streamed() {
        this.streamed = true;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Runs {@code greenlight args...}; returns the exit code. */
    public int run(String... args) {
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** The calls received so far, in order. */
    public List<Call> calls() {
        return calls;
    }

    /** Everything the CLI printed to standard output so far. */
    public String out() {
        return out.toString();
    }

    /** Everything the CLI printed to standard error so far. */
    public String err() {
        return err.toString();
    }

    public void stop() {
        server.stop(0);
    }
}
