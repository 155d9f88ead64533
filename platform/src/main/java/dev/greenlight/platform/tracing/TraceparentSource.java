package dev.greenlight.platform.tracing;

import java.util.Optional;

/**
 * The trace context the calling thread works in, as a {@link Traceparent} to put on the records it
 * writes. An API captures it on the request thread (the HTTP server span Micrometer Tracing opened,
 * continuing the caller's {@code traceparent}) because the write may complete on another thread.
 * {@link #NONE} where no tracer is configured: records then carry no header.
 */
@FunctionalInterface
public interface TraceparentSource {

    /** No tracer: nothing to propagate. */
    TraceparentSource NONE = Optional::empty;

    /** The current context, if there is one. */
    Optional<Traceparent> current();
}
