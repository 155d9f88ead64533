package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.platform.tracing.Traceparent;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Ties a decision to the trace of the evidence record that changed it. Kafka Streams does not carry
 * trace context from an input record to what a processor forwards, so the gate does it here: a
 * decision computed because a record arrived names that record's trace id
 * ({@code GateDecided.evidenceTraceIds}) and goes out with its {@code traceparent}, continuing the
 * trace of the request that delivered the evidence (the gate opens no span of its own). Decisions a
 * wake-up makes, or that a hold fed from the global store makes, have no causing record and carry
 * neither. The evaluation itself never sees a trace: it is delivery metadata, not evidence.
 */
final class DecisionTraces {

    private DecisionTraces() {
    }

    /** {@code decision} naming {@code cause}'s trace id, when there is one. */
    static GateDecided named(GateDecided decision, Optional<Traceparent> cause) {
        cause.ifPresent(trace -> decision.setEvidenceTraceIds(List.of(trace.traceId())));
        return decision;
    }

    /** The headers of a decision forwarded because of {@code cause}. */
    static Headers headers(Optional<Traceparent> cause) {
        RecordHeaders headers = new RecordHeaders();
        cause.ifPresent(trace -> trace.writeTo(headers));
        return headers;
    }
}
