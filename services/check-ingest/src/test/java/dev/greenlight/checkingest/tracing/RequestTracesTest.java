package dev.greenlight.checkingest.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.tracing.Traceparent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trace context the evidence endpoints' lean path gives the records of a request. */
class RequestTracesTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Test
    void aCallersTraceIsContinuedUnderANewSpanIdWithItsSampledFlag() {
        RequestTraces traces = new RequestTraces(0.0);

        Traceparent sampled = traces.begin("00-" + TRACE + "-" + CALLER_SPAN + "-01");
        Traceparent unsampled = traces.begin("00-" + TRACE + "-" + CALLER_SPAN + "-02");

        assertThat(sampled.traceId()).isEqualTo(TRACE);
        assertThat(sampled.parentId()).isNotEqualTo(CALLER_SPAN);
        assertThat(sampled.flags()).isEqualTo("01");
        assertThat(unsampled.flags()).as("only the sampled bit is carried on").isEqualTo("00");
        assertThat(RequestTraces.recordedByCaller("00-" + TRACE + "-" + CALLER_SPAN + "-01")).isTrue();
        assertThat(RequestTraces.recordedByCaller("00-" + TRACE + "-" + CALLER_SPAN + "-00")).isFalse();
    }

    @Test
    void aMissingOrHostileHeaderStartsANewTraceSampledAsConfigured() {
        Traceparent never = new RequestTraces(0.0).begin("00-" + "0".repeat(32) + "-" + CALLER_SPAN + "-01");
        Traceparent always = new RequestTraces(1.0).begin(null);

        assertThat(never.traceId()).isNotEqualTo("0".repeat(32));
        assertThat(never.flags()).isEqualTo("00");
        assertThat(always.flags()).isEqualTo("01");
        assertThat(always.traceId()).isNotEqualTo(never.traceId());
        assertThat(RequestTraces.recordedByCaller(null)).isFalse();
        assertThat(RequestTraces.recordedByCaller("00-" + "0".repeat(32) + "-" + CALLER_SPAN + "-01")).isFalse();
    }

    @Test
    void theRequestsContextIsPreferredToTheTracersOnlyWhileTheRequestRuns() {
        RequestTraces traces = new RequestTraces(0.0);
        Traceparent tracer = new Traceparent(TRACE, CALLER_SPAN, "01");
        var source = traces.over(() -> Optional.of(tracer));

        Traceparent request = traces.begin(null);
        assertThat(source.current()).contains(request);
        traces.end();
        assertThat(source.current()).contains(tracer);
    }
}
