package dev.greenlight.cli.bench;

import dev.greenlight.platform.web.KeepAliveConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The ingest phases' clients: one {@link KeepAliveConnection} per load thread, opened on its first
 * request and closed with the phase. The JDK {@code HttpClient} of {@link BenchHttp} cost the
 * machine more CPU per one-sample request than check-ingest's request path itself, and on a small
 * machine the load generator's CPU is taken from the server it measures. The system property
 * {@code greenlight.bench.ingest-client=jdk} keeps the JDK client for comparison with earlier runs.
 */
final class IngestConnections implements AutoCloseable {

    private final URI endpoint;
    private final String token;
    private final Queue<KeepAliveConnection> opened = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<KeepAliveConnection> mine;

    IngestConnections(String url, String user) {
        this.endpoint = URI.create(url);
        this.token = "demo-" + user;
        this.mine = ThreadLocal.withInitial(() -> {
            KeepAliveConnection connection = new KeepAliveConnection(endpoint, token);
            opened.add(connection);
            return connection;
        });
    }

    /** Posts and insists on a 2xx, like {@link BenchHttp#postOk}. */
    void postOk(String json) {
        KeepAliveConnection connection = mine.get();
        int status;
        try {
            status = connection.post(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (status / 100 != 2) {
            throw new IllegalStateException("POST " + endpoint + " -> " + status + " " + connection.lastRefusal());
        }
    }

    @Override
    public void close() {
        opened.forEach(KeepAliveConnection::close);
    }
}
