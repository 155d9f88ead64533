package dev.greenlight.checkingest.tracing;

import dev.greenlight.platform.tracing.Traceparent;
import dev.greenlight.platform.tracing.TraceparentSource;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The trace context of an evidence request that runs without a recorded server span — the lean
 * path of {@code POST /api/v1/metrics} and {@code /api/v1/checks}, thousands of one-sample requests a
 * second, where starting a Micrometer observation and an OpenTelemetry span per request (and
 * extracting W3C, B3 and baggage context for it) was about a quarter of the request's CPU
 * (docs/performance.md, "Seventh pass", "Eighth pass").
 *
 * <p>The records still carry what the non-recording span of an unsampled request carried before:
 * the caller's trace id and sampled flag when it sent a valid W3C {@code traceparent}, else a new
 * trace (sampled with {@code management.tracing.sampling.probability}, as the tracer's root sampler
 * decides), and a new span id of this service as the parent — so a record continues the caller's
 * trace and names check-ingest's own span, never the caller's. A caller that asks for its trace to
 * be recorded (sampled flag set) gets the full observation and an exported server span as every
 * other endpoint does ({@link #recordedByCaller}); that decision is made the same way by the
 * observation predicate and the lean filter, here.
 *
 * <p>The context lives in a thread-local from {@link #begin} to {@link #end} (the request thread that
 * reads the body also hands the records to the producer); {@link #over} lets the publisher prefer it
 * to the tracer's current span.
 */
public final class RequestTraces {

    private static final HexFormat HEX = HexFormat.of();

    private final double sampling;
    private final ThreadLocal<Traceparent> current = new ThreadLocal<>();

    /** @param sampling the share of new traces marked sampled, 0 to 1 */
    public RequestTraces(double sampling) {
        this.sampling = sampling;
    }

    /**
     * Whether a request with this {@code traceparent} header value asks for its trace to be recorded:
     * a valid value with the sampled flag. Such a request keeps the full server observation.
     */
    public static boolean recordedByCaller(String header) {
        Optional<Traceparent> caller = Traceparent.parse(header);
        return caller.isPresent() && sampled(caller.get().flags());
    }

    /** Starts the context of the current request from its {@code traceparent} header value (null: none). */
    public Traceparent begin(String header) {
        Traceparent trace = Traceparent.parse(header)
                .map(caller -> new Traceparent(caller.traceId(), spanId(), sampled(caller.flags()) ? "01" : "00"))
                .orElseGet(() -> new Traceparent(traceId(), spanId(),
                        ThreadLocalRandom.current().nextDouble() < sampling ? "01" : "00"));
        current.set(trace);
        return trace;
    }

    /** Ends the current request's context. */
    public void end() {
        current.remove();
    }

    /** The context of the request this thread serves, if it runs on the lean path. */
    public Optional<Traceparent> current() {
        return Optional.ofNullable(current.get());
    }

    /** This request's context when there is one, else what {@code tracer} says (a recorded span, another endpoint). */
    public TraceparentSource over(TraceparentSource tracer) {
        return () -> {
            Traceparent trace = current.get();
            return trace != null ? Optional.of(trace) : tracer.current();
        };
    }

    /** W3C: bit 0 of the flags is "sampled"; the rest is not propagated (as the W3C propagator writes it). */
    private static boolean sampled(String flags) {
        return (HEX.fromHexDigits(flags) & 1) == 1;
    }

    private static String traceId() {
        return HEX.toHexDigits(nonZero()) + HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static String spanId() {
        return HEX.toHexDigits(nonZero());
    }

    private static long nonZero() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return id;
    }
}
