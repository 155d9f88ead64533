package dev.greenlight.checkingest.load;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The machine's HTTP ceiling for the ingest benchmark: the same embedded Tomcat (the library and
 * version check-ingest runs on, its default NIO connector, 200 threads, 100 requests per keep-alive
 * connection — Spring Boot's defaults too) in the same JVM, next to the same broker, with one bare
 * servlet that reads the POSTed body and answers 200 with a JSON body about as long as
 * check-ingest's 201. No filters, no security, no JSON, no Kafka: driven by the same client
 * ({@link HttpIngestLoad}) with the same connections, its rate is what Tomcat, the sockets and the
 * load generator alone allow on this machine, so check-ingest's one-sample rate can be read as a
 * share of it. Its request threads are named {@code http-nio-*} like check-ingest's, so its CPU per
 * request is printed on the SERVER line of its phase.
 */
final class BareHttpCeiling implements AutoCloseable {

    private static final byte[] ANSWER = "{\"eventIds\":[\"00000000-0000-3000-8000-000000000000\"]}"
            .getBytes(StandardCharsets.US_ASCII);

    private final Tomcat tomcat;
    private final URI endpoint;

    private BareHttpCeiling(Tomcat tomcat, URI endpoint) {
        this.tomcat = tomcat;
        this.endpoint = endpoint;
    }

    static BareHttpCeiling start() {
        try {
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(Files.createTempDirectory("bare-tomcat").toString());
            Connector connector = new Connector();
            connector.setPort(0);
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "bare", new BareServlet());
            context.addServletMappingDecoded("/api/v1/metrics", "bare");
            tomcat.start();
            return new BareHttpCeiling(tomcat,
                    URI.create("http://localhost:" + connector.getLocalPort() + "/api/v1/metrics"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException("bare Tomcat did not start", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    /** Reads the body, answers 200 with a short JSON body. */
    private static final class BareServlet extends HttpServlet {

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(ANSWER.length);
            response.getOutputStream().write(ANSWER);
        }
    }
}
