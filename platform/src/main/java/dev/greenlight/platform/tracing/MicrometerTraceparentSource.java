package dev.greenlight.platform.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The current span of Micrometer Tracing, rendered by the configured {@link Propagator} (W3C by
 * default) — so what goes into a Kafka header is exactly what an HTTP client of the same service
 * would send. Works whether or not spans are exported: propagation needs a tracer, not an exporter.
 */
final class MicrometerTraceparentSource implements TraceparentSource {

    private final Tracer tracer;
    private final Propagator propagator;

    MicrometerTraceparentSource(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Optional<Traceparent> current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return Traceparent.parse(carrier.get(Traceparent.HEADER));
    }
}
