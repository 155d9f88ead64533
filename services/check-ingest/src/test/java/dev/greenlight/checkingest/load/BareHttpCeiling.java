package dev.greenlight.checkingest.load;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

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
 *
 * <p>{@link #sendingOneRecord} is the ceiling of any path that stores one record per request and
 * answers on the broker's acknowledgement — what check-ingest's one-sample path must do at the least:
 * the same bare servlet, which also sends one ready-made record (the very bytes check-ingest writes
 * for a sample) through an idempotent {@code acks=all} producer shared by all requests and answers
 * 200 once it is acknowledged. On a machine where client, server and broker share the cores, this
 * composite is well below both the bare servlet and the raw closed loop
 * ({@link RawProducerLoad#closedLoop}), since both costs are paid per request (measured: more than
 * their sum, docs/performance.md "Ninth pass"); check-ingest's one-sample rate is read as a share of it. Its producer's I/O thread is counted as the SERVER's
 * Kafka side ({@link IngestCpuPart}).
 */
final class BareHttpCeiling implements AutoCloseable {

    private static final byte[] ANSWER = "{\"eventIds\":[\"00000000-0000-3000-8000-000000000000\"]}"
            .getBytes(StandardCharsets.US_ASCII);

    /** The client id of the composite ceiling's producer (its I/O thread is named after it). */
    static final String PRODUCER_CLIENT_ID = "ingest-ceiling-producer";

    private final Tomcat tomcat;
    private final URI endpoint;
    private final Producer<String, byte[]> producer;

    private BareHttpCeiling(Tomcat tomcat, URI endpoint, Producer<String, byte[]> producer) {
        this.tomcat = tomcat;
        this.endpoint = endpoint;
        this.producer = producer;
    }

    /** Reads the body and answers: Tomcat, the sockets and the client alone. */
    static BareHttpCeiling start() {
        return start(null, new BareServlet(null));
    }

    /**
     * Reads the body, sends {@code record} (keyed by {@code key} of a running count) to {@code topic}
     * and answers once the broker acknowledged it: the ceiling of one acknowledged record per request.
     *
     * @param lingerMs the producer's {@code linger.ms}
     */
    static BareHttpCeiling sendingOneRecord(String brokers, String topic, int lingerMs, LongFunction<String> key,
                                            byte[] record) {
        KafkaProducer<String, byte[]> producer = RawProducerLoad.producer(brokers, lingerMs, PRODUCER_CLIENT_ID);
        AtomicLong sequence = new AtomicLong();
        return start(producer, new BareServlet(() -> producer.send(
                new ProducerRecord<>(topic, key.apply(sequence.getAndIncrement()), record))));
    }

    private static BareHttpCeiling start(Producer<String, byte[]> producer, BareServlet servlet) {
        try {
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(Files.createTempDirectory("bare-tomcat").toString());
            Connector connector = new Connector();
            connector.setPort(0);
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "bare", servlet);
            context.addServletMappingDecoded("/api/v1/metrics", "bare");
            tomcat.start();
            return new BareHttpCeiling(tomcat,
                    URI.create("http://localhost:" + connector.getLocalPort() + "/api/v1/metrics"), producer);
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
        if (producer != null) {
            producer.close();
        }
    }

    /** Reads the body, (sends one record and waits for its ack,) answers 200 with a short JSON body. */
    private static final class BareServlet extends HttpServlet {

        /** Sends one record; the future completes on the broker's acknowledgement (null: send nothing). */
        private final transient Supplier<Future<?>> send;

        BareServlet(Supplier<Future<?>> send) {
            this.send = send;
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            if (send != null) {
                try {
                    send.get().get();
                } catch (ExecutionException e) {
                    response.sendError(503);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    response.sendError(503);
                    return;
                }
            }
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(ANSWER.length);
            response.getOutputStream().write(ANSWER);
        }
    }
}
