package dev.greenlight.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's HTTP client: the public APIs with the local demo tokens ({@code demo-<user>}),
 * exactly as a CI job or an operator calls them. HTTP/1.1 keep-alive, so N calling threads hold N
 * connections, as N independent clients would.
 */
final class BenchHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    record Reply(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Reply post(String url, String user, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    Reply get(String url, String user) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), user);
    }

    /** Posts and insists on a 2xx: a refused request would make every later figure meaningless. */
    Reply postOk(String url, String user, String json) {
        Reply reply = post(url, user, json);
        if (!reply.ok()) {
            throw new IllegalStateException("POST " + url + " as " + user + " -> " + reply.status() + " " + reply.body());
        }
        return reply;
    }

    private Reply send(HttpRequest.Builder request, String user) {
        request.timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer demo-" + user)
                .header("Accept", "application/json");
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
