package dev.greenlight.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code greenlight cluster register-schemas}, the one-shot job before the services start with
 * auto-registration off: every catalogue topic's value schema is registered under its subject; a
 * schema the registry refuses (incompatible) fails the job, so the services are not started.
 */
class RegisterSchemasCommandTest {

    private final List<String> registered = new CopyOnWriteArrayList<>();
    private HttpServer registry;

    private String start(int status, String body) throws Exception {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            registered.add(exchange.getRequestMethod() + " "
                    + URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8));
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        registry.start();
        return "http://127.0.0.1:" + registry.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    @Test
    void registersEveryCatalogueSchemaUnderItsSubject() throws Exception {
        String url = start(200, "{\"id\": 7}");

        int code = new CommandLine(new GreenlightCli()).execute("cluster", "register-schemas", "--registry-url", url);

        assertThat(code).isZero();
        assertThat(registered).containsAll(Topics.all().stream().filter(topic -> topic.valueSchema() != null)
                .map(Topic::valueSubject).map(subject -> "POST /subjects/" + subject + "/versions").toList());
    }

    @Test
    void aSchemaTheRegistryRefusesFailsTheJob() throws Exception {
        String url = start(409, "{\"error_code\": 409, \"message\": \"incompatible\"}");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("cluster", "register-schemas", "--registry-url", url)).isNotZero();
        assertThat(err.toString()).contains("incompatible");
    }
}
