package dev.greenlight.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The header codec every hop of a trace goes through: what it accepts, refuses and writes. */
class TraceparentTest {

    private static final String VALUE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsTheW3cExampleFromAKafkaHeader() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", VALUE.getBytes(StandardCharsets.US_ASCII));

        Traceparent trace = Traceparent.from(headers).orElseThrow();

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.flags()).isEqualTo("01");
        assertThat(trace.value()).isEqualTo(VALUE);
    }

    @Test
    void writesOneHeaderReplacingAnyEarlierOne() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-11111111111111111111111111111111-2222222222222222-00".getBytes(StandardCharsets.US_ASCII));
        headers.add("other", new byte[] {1});

        Traceparent.parse(VALUE).orElseThrow().writeTo(headers);

        assertThat(headers.headers("traceparent")).hasSize(1);
        assertThat(new String(headers.lastHeader("traceparent").value(), StandardCharsets.US_ASCII)).isEqualTo(VALUE);
        assertThat(headers.lastHeader("other")).isNotNull();
        assertThat(Traceparent.from(headers)).contains(Traceparent.parse(VALUE).orElseThrow());
    }

    @Test
    void treatsMalformedOrAllZeroValuesAsAbsent() {
        assertThat(Traceparent.parse(null)).isEmpty();
        assertThat(Traceparent.parse("")).isEmpty();
        assertThat(Traceparent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(Traceparent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse(VALUE + "-extra")).isEmpty();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nx: y")).isEmpty();
    }

    @Test
    void aRecordWithoutTheHeaderHasNoTrace() {
        assertThat(Traceparent.from(new RecordHeaders())).isEmpty();
        assertThat(Traceparent.from(null)).isEmpty();
        RecordHeaders garbage = new RecordHeaders();
        garbage.add("traceparent", new byte[] {(byte) 0xff, 0x00});
        assertThat(Traceparent.from(garbage)).isEmpty();
    }
}
